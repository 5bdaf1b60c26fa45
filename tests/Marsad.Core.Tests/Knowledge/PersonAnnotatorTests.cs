using Marsad.Annotations;

namespace Marsad.Tests.Knowledge;

public class PersonAnnotatorTests
{
    private static List<Mention> Persons(string text) => KnowledgeTestData.Annotate(text).Of(EntityType.Person);

    [Fact]
    public void Find_CatalogueName_TakesTheRoleTheTextGives()
    {
        var p = Persons("ظهر ماهر الأسد قائد الفرقة الرابعة في الصورة").Single().Person();
        p.Id.ShouldBe("person:maher-al-assad");
        p.Role.ShouldBe("قائد الفرقة الرابعة");
    }

    [Fact]
    public void Find_RankBeforeAQuotedName_FindsThePerson()
    {
        const string text = "زار العقيد “سمير حداد” المقر";
        var m = Persons(text).Single();
        m.Text.ShouldBe("سمير حداد");
        m.Person().Id.ShouldStartWith("person:");
    }

    [Fact]
    public void Find_RankBeforeABareName_FindsTwoWords() =>
        Persons("وصل اللواء سمير حداد إلى المطار").Single().Text.ShouldBe("سمير حداد");

    [Fact]
    public void Find_HonorificThatNamesThePerson_IsKept() =>
        Persons("اجتمع الحاج مرتضى بالعناصر").Single().Text.ShouldBe("الحاج مرتضى");

    [Fact]
    public void Find_QuotedNameFollowedByARole_FindsThePersonAndRole()
    {
        var m = Persons("حضر “سليم الحمود” قيادي في الفوج الاجتماع").Single();
        m.Text.ShouldBe("سليم الحمود");
        m.Person().Role!.ShouldStartWith("قيادي");
    }

    [Fact]
    public void Find_RankBeforeANumber_IsNotAPerson() =>
        Persons("انتشر عناصر اللواء 47 في المدينة").ShouldBeEmpty();

    [Fact]
    public void Find_RoleWordWithoutAName_IsNotAPerson() =>
        Persons("قال القيادي في الفصيل إن الهجوم فشل").ShouldBeEmpty();

    [Fact]
    public void Find_RoleNamingAUnit_StopsAtTheUnit()
    {
        // The role ends with the unit it names, before the verb that follows.
        Persons("قال العقيد “عامر الخطيب” رئيس فرع الأمن العسكري إن الحملة انتهت").Single().Person().Role.ShouldBe("رئيس فرع الأمن العسكري");
    }
}
