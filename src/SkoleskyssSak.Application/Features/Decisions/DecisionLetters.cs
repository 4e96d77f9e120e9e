using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.Assessments;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// Composes the decision letter (fvl. §§ 24–27) in the municipality's language form: the outcome and period, the
/// grounds as written by the caseworker, the right to appeal with the 3-week deadline and this municipality's chain,
/// the right to see the documents (fvl. §§ 18–19) and the duty to give guidance (fvl. § 11); the notice texts as the
/// municipality words them (DecisionContext.Notices).
/// </summary>
internal static class DecisionLetters
{
    /// <summary>Marks text the caseworker must replace before the decision can be issued.</summary>
    public const string ToCompleteMarker = "[[";

    public static Letter Compose(DecisionContext context, Decision decision, DateOnly date)
    {
        var language = context.Language;
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);

        var child = context.Form.Child!;
        var firstName = child.FirstName();
        var decisionText = new List<string> { T("Outcome_" + decision.Outcome, firstName) };
        if (decision.PeriodFrom is { } from)
        {
            decisionText.Add(decision.PeriodTo is { } to ? T("PeriodFromTo", context.Date(from), context.Date(to)) : T("PeriodFrom", context.Date(from)));
        }

        // A grant rests on the road as it is: made safe, the transport lapses (Melhus: seed 002 section 5; Rana: seed 003
        // section 6.2 — "faller bort ved trafikksikkerhetsutbedringer"), by a change decision after notice (fvl. §§ 16, 35).
        if (DecisionPeriod.IsTransport(decision.Outcome))
        {
            decisionText.Add(T("GrantLapsesWhenRoadMadeSafe", context.Rulebook?.Title ?? T("GrantLapsesGuideline")));
        }

        // One home referred to the county (opplæringslova § 4-1 first and last paragraph): the decision is about the other.
        decisionText.AddRange(Referrals.ReferralLetters.ReferredHomesParagraphs(context));
        return ComposeDecision(context, date, T("DecisionTitle_" + decision.Kind), decisionText, GroundsWithDeparture(decision, language));
    }

    /// <summary>
    /// The grounds as written, followed by the written departure from the assessment's conclusion when the outcome departs
    /// from it (fvl. § 25 third paragraph: the main considerations of the discretion must be stated).
    /// </summary>
    public static IReadOnlyList<string> GroundsWithDeparture(Decision decision, LanguageForm language)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var grounds = Paragraphs(decision.Grounds);
        return decision.AssessmentDeparture is { } departure
            ? [.. grounds, CaseTexts.Format("GroundsOutcomeDeparture", language, departure)]
            : grounds;
    }

    /// <summary>
    /// An enkeltvedtak's letter (fvl. §§ 24–27): the decision, its grounds, and the notice of the right to appeal, to see
    /// the documents and to guidance — for a decision on the søknad and for the dismissal of a late appeal (fvl. § 31).
    /// </summary>
    public static Letter ComposeDecision(DecisionContext context, DateOnly date, string title, IReadOnlyList<string> decisionText, IReadOnlyList<string> grounds)
    {
        var sections = new List<LetterSection>
        {
            new(CaseTexts.Get("DecisionHeading", context.Language), decisionText),
            new(CaseTexts.Get("GroundsHeading", context.Language), grounds),
        };
        var appeal = sections.Count;
        sections.AddRange(NoticeSections(context));

        // fvl. § 27 third paragraph: the notice names the appeal deadline. The letter is made available to the guardians
        // in Mine saker on its date, so the last day is known: three weeks on (fvl. § 29), by domstolloven §§ 148–149.
        sections[appeal] = sections[appeal] with
        {
            Paragraphs = [.. sections[appeal].Paragraphs, CaseTexts.Format("AppealDeadlineOn", context.Language, context.Date(Domain.Deadlines.AppealDeadline.From(date)))],
        };
        return CaseLetterFrame.Compose(context, date, title, sections);
    }

    /// <summary>The notice of fvl. § 27 as the municipality words it: appeal (3 weeks, this chain), access, guidance.</summary>
    public static IReadOnlyList<LetterSection> NoticeSections(DecisionContext context)
    {
        // The notice (fvl. § 27) in the municipality's own wording where it has one (Features/LetterTemplates).
        string N(NoticeText key, params object?[] args) => context.Notice(key, args);
        var unit = context.Municipality.HandlingUnit;
        var chain = context.AppealChainNames.Count == 0 ? context.MunicipalityName : string.Join(" og deretter ", context.AppealChainNames);
        return
        [
            new(N(NoticeText.AppealHeading), [N(NoticeText.AppealText, context.MunicipalityName, chain), N(NoticeText.AppealHow)]),
            new(N(NoticeText.AccessHeading), [N(NoticeText.AccessText)]),
            new(N(NoticeText.GuidanceHeading), [N(NoticeText.GuidanceText, unit ?? context.MunicipalityName)]),
        ];
    }

    /// <summary>
    /// The grounds the form proposes (fvl. § 25): the legal basis and the rulebook applied, the facts of the søknad, and
    /// a marked place for the concrete assessment, which the caseworker writes (or the assessment fills).
    /// </summary>
    public static string ProposedGrounds(DecisionContext context, IReadOnlyList<string>? assessment = null, DecisionOutcome? outcome = null)
    {
        var language = context.Language;
        var child = context.Form.Child!;
        var parts = new List<string>();
        if (context.Rulebook is { } rulebook)
        {
            parts.Add(CaseTexts.Format("GroundsLegal", language, rulebook.Title, rulebook.VersionLabel));
        }

        parts.Add(CaseTexts.Format("GroundsFacts", language, context.Date(context.ReceivedOn), child.FirstName(), child.Grade, context.School.Name, child.SchoolYearStart, child.SchoolYearStart + 1));
        parts.Add(CaseTexts.Format("GroundsRoute", language, context.Form.Route.Legs.Count, context.Form.Route.DefinedSegmentIds.Count));
        parts.AddRange(assessment is { Count: > 0 } ? assessment : [CaseTexts.Get("GroundsToComplete", language)]);
        if (outcome is { } chosen && DecisionOutcomes.IsOnTheApplication(chosen))
        {
            parts.Add(OutcomeConclusion(chosen, language));
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>The sentence with which the grounds conclude on <paramref name="outcome"/> ("Kommunen avslår derfor søknaden.").</summary>
    public static string OutcomeConclusion(DecisionOutcome outcome, LanguageForm language) => CaseTexts.Get("GroundsDecision_" + outcome, language);

    /// <summary>
    /// The outcome other than <paramref name="chosen"/> on which the grounds conclude, if any: a ground edited by hand that
    /// still concludes with another outcome would make the letter contradict itself.
    /// </summary>
    public static DecisionOutcome? ContradictingConclusion(string? grounds, DecisionOutcome chosen, LanguageForm language)
    {
        if (string.IsNullOrEmpty(grounds))
        {
            return null;
        }

        foreach (var other in Enum.GetValues<DecisionOutcome>().Where(o => o != chosen && DecisionOutcomes.IsOnTheApplication(o)))
        {
            if (grounds.Contains(OutcomeConclusion(other, language), StringComparison.OrdinalIgnoreCase))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="grounds"/> is, apart from line endings and outer white space, one of the texts the form proposed.</summary>
    public static bool IsUnedited(string? grounds, IEnumerable<string> proposals)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var normal = Normal(grounds ?? string.Empty);
        return normal.Length > 0 && proposals.Any(p => string.Equals(Normal(p), normal, StringComparison.Ordinal));
    }

    /// <summary>
    /// The assessment as paragraphs of the grounds (fvl. § 25 second and third paragraph: the rules and the facts the
    /// decision builds on, and the main considerations): each leg with the rulebook rows quoted, site inspections, a
    /// departure from the matrix, the subjective assessment and the result.
    /// </summary>
    public static IReadOnlyList<string> AssessmentParagraphs(AssessmentSummary summary, LanguageForm language)
    {
        ArgumentNullException.ThrowIfNull(summary);
        string T(string key, params object?[] args) => args.Length == 0 ? CaseTexts.Get(key, language) : CaseTexts.Format(key, language, args);
        string Outcome(TransportOutcome outcome) => T("TransportOutcome_" + outcome);
        var legs = new List<string> { T("GroundsAssessmentIntro") };
        foreach (var leg in summary.Legs)
        {
            var rules = string.Join("\n", leg.Rules.Select(r => T("GroundsRule", r.Id, r.Text)));
            var line = leg.Manual is null ? T("GroundsLeg", leg.Number, leg.Description, Outcome(leg.Outcome)) : T("GroundsLegManuallyAssessed", leg.Number, leg.Description);
            legs.Add(line + (rules.Length == 0 ? string.Empty : "\n" + rules));
        }

        var paragraphs = new List<string> { string.Join("\n", legs) };
        paragraphs.AddRange(summary.SiteInspections.Select(i => T("GroundsInspection", Day(i.Date), i.InspectedBy, i.LegNumber, i.Findings)));

        // A leg no row covers has no result from the guidelines: the letter says it was assessed særskilt only together with
        // the caseworker's recorded assessment quoted (verdict, reasons, the inspection it rests on: fvl. § 25); a leg not yet
        // assessed gets a marked place the caseworker must fill before issuing (and the decision cannot be issued before the
        // assessment is recorded).
        foreach (var leg in summary.Legs.Where(l => l.LeftToManualAssessment))
        {
            if (leg.Manual is not { } manual)
            {
                paragraphs.Add(T("GroundsManualLeg", leg.Number));
                continue;
            }

            var quoted = T("GroundsManualLegAssessed", leg.Number, T("ManualVerdict_" + manual.Outcome), manual.Reasons);
            paragraphs.Add(manual.Inspection is { } i ? quoted + "\n" + T("GroundsManualLegInspection", leg.Number, Day(i.Date), i.InspectedBy, i.Findings) : quoted);
        }

        paragraphs.Add(T(summary.Legs.Any(l => l.Manual is not null) ? "GroundsMatrixAndManualResult" : "GroundsMatrixResult", Outcome(summary.MatrixOutcome)));
        if (summary.Departure is { } departure)
        {
            paragraphs.Add(T("GroundsDeparture", Outcome(departure.Outcome), departure.Justification));
        }

        if (summary.SubjectiveNotes.Count > 0 || summary.SubjectiveConclusion is not null)
        {
            var subjective = new List<string> { T("GroundsSubjectiveIntro") };
            subjective.AddRange(summary.SubjectiveNotes.Select(n => T("GroundsSubjectiveNote", T("Factor_" + n.Factor), n.Note)));
            if (summary.SubjectiveConclusion is { } conclusion)
            {
                subjective.Add(T("GroundsConclusion", conclusion));
            }

            paragraphs.Add(string.Join("\n", subjective));
        }

        // The child's circumstances were weighed: say so, and where they change the result, name barnets beste as a
        // fundamental consideration (Grunnloven § 104 second paragraph; barnekonvensjonen art. 3 nr. 1).
        if (summary.SubjectiveChangesResult is { } changes)
        {
            paragraphs.Add(T(changes ? "GroundsChildsBestInterest" : "GroundsChildWeighed"));
        }

        paragraphs.Add(T("GroundsResult", Outcome(summary.ResultingOutcome)));
        return paragraphs;
    }

    private static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What the assessment points to, for the form to preselect; ConsiderWinter is the caseworker's call.</summary>
    public static DecisionOutcome? ProposedOutcome(AssessmentSummary? summary) => summary?.ResultingOutcome switch
    {
        TransportOutcome.YearRound => DecisionOutcome.GrantedYearRound,
        TransportOutcome.Winter => DecisionOutcome.GrantedWinter,
        TransportOutcome.None => DecisionOutcome.Refused,
        _ => null,
    };

    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string FileName(DecisionContext context) =>
        $"vedtak-{context.Case.CaseNumber!.Year}-{context.Case.CaseNumber.Sequence:00000}.pdf";

    public static DateOnly Today(TimeProvider clock) => NorwegianTime.Today(clock.GetUtcNow());
}
