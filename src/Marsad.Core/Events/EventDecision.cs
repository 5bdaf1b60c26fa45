using System.Text;

namespace Marsad.Events;

/// <summary>The stages of event extraction, in the order <see cref="EventExtractor"/> runs them.</summary>
public enum EventStage
{
    Trigger,
    Factuality,
    Roles,
    Place,
    Date,
    Fatalities,
    Attribution,
    Coreference,
}

/// <summary>Why a stage decided as it did; written into the event so an analyst and a test can see it.</summary>
public enum DecisionReason
{
    // roles
    NoActorInSentence,
    OnlyVictimsNamed,
    PartiesAfterBetween,
    AgentOfPassive,
    SubjectBeforeTrigger,
    SubjectAfterVerb,
    FirstActorOfEarlierClause,
    FirstActorAfterTrigger,
    SecondPartyInClause,
    NationalityOfMeans,
    VictimAsActor2,
    CiviliansAsVictims,
    UnclaimedExplosive,
    ProtestersByDefault,
    TerritoryByActor,
    ArmedVictimMakesClash,
    AirMeansAsActor,
    CivilianObjectMakesAttack,
    DemonstratorsInClash,

    // place
    NearestPlaceInClause,
    ListedWithPlace,
    FirstPlaceInSentence,
    PlaceOfEarlierSentence,
    CoarsePlaceOfSentence,
    OnlyOriginPlace,
    NoPlace,

    // date
    DateInSentence,
    DateOfReport,
    DateUnanchored,
    DateCarriedFromEarlierSentence,
    PublicationDate,
    NoDate,

    // fatalities
    FiguresConflict,
    DeathsWithoutFigure,
    InjuriesOnly,

    // coreference
    SameIncidentRetold,
    PlaceRefinedByRetelling,
    ActorOfRetoldEvent,
}

/// <summary>One decision of one stage, with an optional detail (the words it rests on).</summary>
public readonly record struct EventDecision(EventStage Stage, DecisionReason Reason, string? Detail = null)
{
    /// <summary>The reason in the contract's snake_case (<c>subject_before_trigger</c>).</summary>
    public string ReasonName => SnakeCase(Reason.ToString());

    public string StageName => SnakeCase(Stage.ToString());

    public override string ToString() => Detail is null ? $"{StageName}: {ReasonName}" : $"{StageName}: {ReasonName} ({Detail})";

    public static string SnakeCase(string pascal)
    {
        var b = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                b.Append('_');
            }

            b.Append(char.ToLowerInvariant(pascal[i]));
        }

        return b.ToString();
    }
}
