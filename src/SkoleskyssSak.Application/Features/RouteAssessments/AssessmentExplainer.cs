using System.Globalization;
using System.Resources;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.RouteAssessments;

/// <summary>
/// Explains an assessment in the municipality's language form (Resources/ExplanationTexts*.resx), quoting
/// the rule rows that decided each leg, so a parent and a caseworker can see why.
/// </summary>
public static class AssessmentExplainer
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.ExplanationTexts", typeof(AssessmentExplainer).Assembly);
    private static readonly CultureInfo Bokmal = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly CultureInfo Nynorsk = CultureInfo.GetCultureInfo("nn-NO");

    public static string Leg(LegAssessment leg, int grade, Rulebook rulebook, int schoolYearStart)
    {
        ArgumentNullException.ThrowIfNull(leg);
        ArgumentNullException.ThrowIfNull(rulebook);
        var culture = CultureFor(rulebook.LanguageForm);
        var description = Describe(leg.Leg, culture);
        if (leg.ManualAssessmentRequired)
        {
            return leg.UnconfirmedRules.Count == 0
                ? Format(culture, "Leg_NoRule", description)
                : Format(culture, "Leg_Unconfirmed", description, string.Join("; ", leg.UnconfirmedRules.Select(r => Format(culture, "Leg_Rule", r.Id, r.Text))));
        }

        // Cite the rows that gave the leg its outcome (all matched rows when the outcome is none).
        var deciding = leg.MatchedRules.Where(r => r.OutcomeFor(grade) == leg.Outcome).ToList();
        var citations = string.Join("; ", deciding.Select(r => Format(culture, "Leg_Rule", r.Id, r.Text)));
        return Format(culture, "Leg_Matched", description, Outcome(leg.Outcome, rulebook, schoolYearStart, culture), grade, citations);
    }

    public static string Overall(RouteAssessment assessment, int grade, Rulebook rulebook, int schoolYearStart)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(rulebook);
        var culture = CultureFor(rulebook.LanguageForm);
        // A leg no row covers is not "no transport": until the municipality has assessed it concretely, the route's
        // result is open (a refusal would rest on nothing).
        var manualOnly = assessment.ManualAssessmentRequired && assessment.Outcome == TransportOutcome.None;
        var text = manualOnly ? Format(culture, "Overall_ManualOnly", grade) : Format(culture, "Overall", Outcome(assessment.Outcome, rulebook, schoolYearStart, culture), grade);
        if (assessment.ManualAssessmentRequired && !manualOnly)
        {
            text += Text(culture, "Overall_Manual");
        }

        if (assessment.DistanceEntitlement)
        {
            text += Format(culture, "Overall_Distance", DistanceEntitlement.LimitKm(grade));
        }

        return text;
    }

    /// <summary>A leg in plain Norwegian ("langs fylkesveg, 60 km/t, ÅDT 1200"), e.g. for the grounds of a decision.</summary>
    public static string Describe(RouteLeg leg, LanguageForm form)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return Describe(leg, CultureFor(form));
    }

    public static string Guidance(LanguageForm form) => Text(CultureFor(form), "Guidance");

    public static string ReconstructedNote(LanguageForm form) => Text(CultureFor(form), "Reconstructed");

    private static string Outcome(TransportOutcome outcome, Rulebook rulebook, int schoolYearStart, CultureInfo culture)
    {
        var (from, to) = rulebook.WinterPeriod.InSchoolYear(schoolYearStart);
        var period = $"{from:dd.MM.yyyy}–{to:dd.MM.yyyy}";
        return outcome switch
        {
            TransportOutcome.YearRound => Text(culture, "Outcome_YearRound"),
            TransportOutcome.Winter => Format(culture, "Outcome_Winter", period),
            TransportOutcome.ConsiderWinter => Format(culture, "Outcome_ConsiderWinter", period),
            _ => Text(culture, "Outcome_None"),
        };
    }

    private static string Describe(RouteLeg leg, CultureInfo culture)
    {
        if (leg.Kind == LegKind.RailwayCrossing)
        {
            return Text(culture, leg.Secured switch { true => "Leg_RailwaySecured", false => "Leg_RailwayUnsecured", _ => "Leg_Railway" });
        }

        var road = Text(culture, leg.RoadCategory is { } category ? "Road_" + category : "Road_Unknown");
        var text = Format(culture, leg.Kind == LegKind.Along ? "Leg_Along" : "Leg_Crossing", road);
        if (leg.SpeedLimit is { } speed)
        {
            text += Format(culture, "Leg_Speed", speed);
        }

        if (leg.Aadt is { } aadt)
        {
            text += Format(culture, "Leg_Aadt", aadt);
        }

        return text;
    }

    private static CultureInfo CultureFor(LanguageForm form) => form == LanguageForm.Nynorsk ? Nynorsk : Bokmal;

    private static string Text(CultureInfo culture, string key) =>
        Texts.GetString(key, culture) ?? throw new InvalidOperationException($"Missing explanation text '{key}'.");

    private static string Format(CultureInfo culture, string key, params object[] values) =>
        string.Format(culture, Text(culture, key), values);
}
