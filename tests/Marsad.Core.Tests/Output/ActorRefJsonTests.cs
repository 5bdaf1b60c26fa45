using System.Text;
using System.Text.Json;
using Marsad.Annotations;
using Marsad.Output;

namespace Marsad.Tests.Output;

public class ActorRefJsonTests
{
    private static JsonElement Json(ActorRef r)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, ContractJsonWriter.Options))
        {
            ContractJsonWriter.WriteRef(w, r);
        }

        return JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.Clone();
    }

    [Fact]
    public void WriteRef_ProvisionalActor_SaysSo()
    {
        var j = Json(new ActorRef("actor:auto:x", "لواء أحرار الجبل", 3, "لواء أحرار الجبل", Provisional: true));
        j.GetProperty("provisional").GetBoolean().ShouldBeTrue();
        j.GetProperty("inter").GetInt32().ShouldBe(3);
    }

    [Fact]
    public void WriteRef_CatalogueActor_HasNoProvisionalField_AndKeepsTheContractFields()
    {
        // Fields may be added to the contract, never dropped: id, name, inter stay; provisional only when true.
        var j = Json(new ActorRef("actor:rsf", "Rapid Support Forces", 3, "قوات الدعم السريع", "SD"));
        j.TryGetProperty("provisional", out _).ShouldBeFalse();
        j.GetProperty("id").GetString().ShouldBe("actor:rsf");
        j.GetProperty("name_ar").GetString().ShouldBe("قوات الدعم السريع");
        j.GetProperty("country").GetString().ShouldBe("SD");
    }
}
