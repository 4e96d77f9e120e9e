using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Routes;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Domain.Assessments;

/// <summary>
/// The objective assessment: the route leg by leg against the matrix of <see cref="RulebookVersion"/> (the version in
/// force on <see cref="ApplicationDate"/>), with the rows cited. Described legs go through <see cref="RuleEngine"/>;
/// a pre-assessed segment (definert strekning) applies directly with the municipality's verdict for the grade.
/// </summary>
/// <param name="RulebookVersion">The label of the version applied, e.g. <c>5028/v1</c>.</param>
/// <param name="MatrixOutcome">The route's result: the most generous leg (as <see cref="RuleEngine"/> combines them).</param>
/// <param name="ManualAssessmentRequired">Some leg matched no row (or names a segment the rulebook does not have).</param>
/// <param name="DistanceEntitlement">Beyond 2 km (grade 1) / 4 km: the county's business (opplæringslova § 4-1 first paragraph).</param>
public sealed record ObjectiveAssessment(
    string RulebookVersion,
    DateOnly ApplicationDate,
    int Grade,
    decimal? DistanceKm,
    IReadOnlyList<AssessedLeg> Legs,
    TransportOutcome MatrixOutcome,
    bool ManualAssessmentRequired,
    bool DistanceEntitlement,
    IReadOnlyList<SiteInspection> SiteInspections,
    MatrixDeparture? Departure)
{
    /// <summary>The objective result the subjective assessment starts from: a justified departure, else the matrix.</summary>
    public TransportOutcome ObjectiveOutcome => Departure?.Outcome ?? MatrixOutcome;

    /// <summary>The applicant's described legs, then the pre-assessed segments chosen, not yet assessed.</summary>
    public static IReadOnlyList<AssessedLeg> LegsOf(ApplicationRoute route)
    {
        return route.Legs.Select(l => new AssessedLeg(l, null, null, TransportOutcome.None, [], ManualAssessmentRequired: true))
            .Concat(route.DefinedSegmentIds.Select(id => new AssessedLeg(null, null, id, TransportOutcome.None, [], ManualAssessmentRequired: true)))
            .ToList();
    }

    public static ObjectiveAssessment Evaluate(
        Rulebook rulebook,
        int grade,
        decimal? distanceKm,
        DateOnly applicationDate,
        IReadOnlyList<AssessedLeg> legs,
        IReadOnlyList<SiteInspection> siteInspections,
        MatrixDeparture? departure)
    {
        var described = legs.Where(l => l.Leg is not null).Select(l => l.Leg!).ToList();
        var route = RuleEngine.Evaluate(rulebook, grade, described, distanceKm);
        var assessed = new List<AssessedLeg>(legs.Count);
        var next = 0;
        foreach (var leg in legs)
        {
            if (leg.Leg is not null)
            {
                var result = route.Legs[next++];

                // Cite the rows that gave the leg its outcome (all matched rows when the outcome is none), as the explainer does.
                var cited = result.MatchedRules.Where(r => r.OutcomeFor(grade) == result.Outcome).Select(r => new CitedRule(r.Id, r.Text)).ToList();
                assessed.Add(WithManualVerdict(leg with { Outcome = result.Outcome, Rules = cited, ManualAssessmentRequired = result.ManualAssessmentRequired }));
                continue;
            }

            var segment = rulebook.DefinedSegments.FirstOrDefault(s => s.Id == leg.SegmentId);
            if (segment is null)
            {
                assessed.Add(WithManualVerdict(leg with { Outcome = TransportOutcome.None, Rules = [], ManualAssessmentRequired = true }));
                continue;
            }

            var verdict = segment.OutcomeFor(grade);
            assessed.Add(leg with { Outcome = verdict, Rules = [new CitedRule(segment.Id, $"{segment.Road} – {segment.Description}: {segment.Assessment}")], ManualAssessmentRequired = false, Manual = null });
        }

        // The route gets the most generous leg, as RuleEngine combines them; a leg's manual verdict counts as its outcome.
        var outcome = assessed.Select(l => l.Outcome).DefaultIfEmpty(TransportOutcome.None).Max();
        var manual = assessed.Any(l => l.ManualAssessmentRequired);
        return new ObjectiveAssessment(rulebook.VersionLabel, applicationDate, grade, distanceKm, assessed, outcome, manual, route.DistanceEntitlement, siteInspections, departure);
    }

    /// <summary>
    /// A leg the matrix leaves to manual assessment takes the caseworker's recorded verdict, but only while the leg is the
    /// one that was assessed (a correction of its data, or a matrix that now covers it, drops the verdict). The rows the
    /// leg matched still bind: the verdict cannot make it less generous than a confirmed row (a departure from the matrix
    /// is <see cref="MatrixDeparture"/>, with its own justification).
    /// </summary>
    private static AssessedLeg WithManualVerdict(AssessedLeg leg)
    {
        if (!leg.ManualAssessmentRequired || leg.Manual is not { } manual || manual.AssessedLeg != leg.Leg)
        {
            return leg with { Manual = null };
        }

        return leg with { Outcome = manual.Outcome > leg.Outcome ? manual.Outcome : leg.Outcome, ManualAssessmentRequired = false };
    }
}

/// <summary>
/// One leg of the assessed route: a leg the applicant described (<see cref="Leg"/>, corrected by the caseworker when
/// <see cref="OriginalLeg"/> is set) or a pre-assessed segment (<see cref="SegmentId"/>).
/// </summary>
/// <param name="ManualAssessmentRequired">No row covers the leg (or an unknown segment) and the caseworker has not assessed it yet.</param>
/// <param name="Manual">The caseworker's recorded assessment of a leg the matrix does not cover; its verdict is <see cref="Outcome"/>.</param>
public sealed record AssessedLeg(
    RouteLeg? Leg,
    RouteLeg? OriginalLeg,
    string? SegmentId,
    TransportOutcome Outcome,
    IReadOnlyList<CitedRule> Rules,
    bool ManualAssessmentRequired,
    ManualLegAssessment? Manual = null)
{
    public bool Corrected => OriginalLeg is not null;

    /// <summary>The leg needs, or has, the caseworker's manual assessment.</summary>
    public bool LeftToManualAssessment => ManualAssessmentRequired || Manual is not null;
}

/// <summary>
/// The caseworker's concrete assessment of a leg no row of the matrix covers (opplæringslova § 4-1 andre ledd: whether
/// the way is særleg farleg eller vanskeleg is assessed concretely where the guidelines give no answer; fvl. § 17: the
/// case is clarified before it is decided; fvl. § 25: the decision quotes the reasons).
/// </summary>
/// <param name="AssessedLeg">The leg's data as assessed (null for a pre-assessed segment the rulebook does not have): the verdict holds only while the leg is unchanged.</param>
/// <param name="Outcome">The verdict: særleg farleg heile året, om vinteren, or ikkje særleg farleg (<see cref="Verdicts"/>).</param>
/// <param name="Inspection">The site inspection the assessment rests on, if any.</param>
/// <param name="AssessedBy">Pseudonymous id of the staff user who recorded it.</param>
public sealed record ManualLegAssessment(RouteLeg? AssessedLeg, TransportOutcome Outcome, string Reasons, SiteInspection? Inspection, string AssessedBy, DateTimeOffset AssessedAt)
{
    /// <summary>The verdicts a caseworker gives a leg: particularly dangerous all year, in winter, or not particularly dangerous.</summary>
    public static readonly IReadOnlyList<TransportOutcome> Verdicts = [TransportOutcome.YearRound, TransportOutcome.Winter, TransportOutcome.None];
}

/// <summary>A row of the matrix (e.g. <c>melhus/T1-08</c>) or a pre-assessed segment, with its text as published.</summary>
public sealed record CitedRule(string Id, string Text);

/// <summary>A justified departure from the matrix's result (fvl. § 25 third paragraph: the main considerations).</summary>
public sealed record MatrixDeparture(TransportOutcome Outcome, string Justification, string DecidedBy, DateTimeOffset At);

/// <summary>
/// A site inspection (synfaring, fvl. § 17): when, who was there, what was found; photos are case documents of kind
/// SiteInspection. <see cref="LegNumber"/> is the leg (1-based) it corrected.
/// </summary>
public sealed record SiteInspection(DateOnly Date, string InspectedBy, string Findings, int LegNumber, IReadOnlyList<Guid> PhotoDocumentIds, string RecordedBy, DateTimeOffset RecordedAt)
{
    public const int MaxInspectorLength = 200;

    internal AssessmentChange? Check(DateOnly today)
    {
        var errors = new List<(AssessmentRefusal, string)>();
        if (Date > today || Date == default)
        {
            errors.Add((AssessmentRefusal.InspectionDateInvalid, "InspectionDate"));
        }

        if (string.IsNullOrWhiteSpace(InspectedBy))
        {
            errors.Add((AssessmentRefusal.InspectorRequired, "InspectedBy"));
        }
        else if (InspectedBy.Length > MaxInspectorLength)
        {
            errors.Add((AssessmentRefusal.TextTooLong, "InspectedBy"));
        }

        if (string.IsNullOrWhiteSpace(Findings))
        {
            errors.Add((AssessmentRefusal.FindingsRequired, "Findings"));
        }
        else if (Findings.Length > CaseAssessment.MaxTextLength)
        {
            errors.Add((AssessmentRefusal.TextTooLong, "Findings"));
        }

        return errors.Count > 0 ? AssessmentChange.Invalid(errors) : null;
    }
}

/// <summary>
/// The subjective assessment (Sunnfjord kap. 3.2; Melhus kap. 5): a note per factor, and whether the child's
/// individual circumstances change the objective result; when they do, the conclusion and the resulting outcome.
/// </summary>
public sealed record SubjectiveAssessment(
    IReadOnlyDictionary<SubjectiveFactor, string> Notes,
    bool ChangesResult,
    string? Conclusion,
    TransportOutcome? ResultingOutcome,
    string AssessedBy,
    DateTimeOffset At);

/// <summary>Why a change of the assessment was refused; the Application layer gives the Norwegian text.</summary>
public enum AssessmentRefusal
{
    NotInAssessment,
    Decided,
    ObjectiveMissing,
    LegNotFound,
    OutcomeRequired,
    DepartureSameAsMatrix,
    JustificationRequired,
    TextTooLong,
    ChangesResultRequired,
    ConclusionRequired,
    ResultingOutcomeSameAsObjective,
    InspectionDateInvalid,
    InspectorRequired,
    FindingsRequired,
    LegNotLeftToManualAssessment,
    VerdictRequired,
    ReasonsRequired,
}

/// <summary>The result of a change: done, refused as a whole, or invalid with a refusal per field (nothing changed).</summary>
public sealed record AssessmentChange(bool Succeeded, AssessmentRefusal? Refusal, IReadOnlyList<(AssessmentRefusal Refusal, string Field)> Errors)
{
    public static readonly AssessmentChange Done = new(true, null, []);

    public static AssessmentChange Refused(AssessmentRefusal refusal, string? field = null) =>
        field is null ? new(false, refusal, []) : new(false, null, [(refusal, field)]);

    public static AssessmentChange Invalid(IReadOnlyList<(AssessmentRefusal, string)> errors) => new(false, null, errors);
}
