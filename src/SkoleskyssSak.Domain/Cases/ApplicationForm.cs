using SkoleskyssSak.Domain.Routes;

namespace SkoleskyssSak.Domain.Cases;

/// <summary>
/// The content of a søknad (issue 4): what the guardian fills in, step by step, before submitting. A plain graph of
/// immutable records, stored as one JSON document with its case; a step is saved by replacing its part
/// (<c>form with { Homes = … }</c>). Personal data throughout (names, fødselsnummer, subjective factors): never logged.
/// </summary>
public sealed record ApplicationForm
{
    public static ApplicationForm Empty { get; } = new();

    /// <summary>Step 1: the pupil; null until the step is saved.</summary>
    public ApplicationChild? Child { get; init; }

    /// <summary>Step 1: the guardians, the applicant among them.</summary>
    public IReadOnlyList<ApplicationGuardian> Guardians { get; init; } = [];

    /// <summary>Step 2: one home, or two for shared residence (each is assessed on its own).</summary>
    public IReadOnlyList<ApplicationHome> Homes { get; init; } = [];

    /// <summary>Step 3: pre-assessed segments of the school and/or legs described by the guardian.</summary>
    public ApplicationRoute Route { get; init; } = new([], []);

    /// <summary>Step 4: why the route is dangerous for this child.</summary>
    public ApplicationReasons Reasons { get; init; } = new(null, new Dictionary<SubjectiveFactor, string>());

    /// <summary>Step 4: the period applied for.</summary>
    public TransportPeriod Period { get; init; } = TransportPeriod.WholeSchoolYear;

    /// <summary>Step 6: the declaration checkbox ("Kontroller og send").</summary>
    public bool DeclarationAccepted { get; init; }

    /// <summary>The longest walking distance of the homes, or null when no home is given.</summary>
    public decimal? MaxWalkingDistanceKm() => Homes.Count == 0 ? null : Homes.Max(h => h.WalkingDistanceKm);

    /// <summary>
    /// The guardians' distinct e-mail addresses: where letters and notices go. An address that cannot be delivered to
    /// (saved before addresses were checked as <see cref="People.EmailAddress"/>) is left out, not retried in the outbox.
    /// </summary>
    public IEnumerable<string> GuardianEmails() => Guardians
        .Select(g => g.Email?.Trim())
        .Where(e => !string.IsNullOrEmpty(e) && People.EmailAddress.IsValid(e))
        .Select(e => e!)
        .Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names that must never appear in a public journal title (offentleglova § 13).</summary>
    public IEnumerable<string> PersonalNames() =>
        (Child is null ? [] : new[] { Child.Name }).Concat(Guardians.Select(g => g.Name)).Where(n => !string.IsNullOrWhiteSpace(n));
}

/// <param name="Name">The pupil's full name.</param>
/// <param name="NationalIdentityNumber">Fødselsnummer or D-nummer (11 digits). Personal data: never logged.</param>
/// <param name="Grade">The grade (trinn 1–10) in the school year applied for.</param>
/// <param name="SchoolId">A school of the case's municipality.</param>
/// <param name="SchoolYearStart">The calendar year the school year starts (2026 for 2026/2027).</param>
public sealed record ApplicationChild(string Name, string NationalIdentityNumber, int Grade, Guid SchoolId, int SchoolYearStart)
{
    /// <summary>The first given name (what "Mine saker" shows).</summary>
    public string FirstName() => Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
}

/// <param name="NationalIdentityNumber">Optional fødselsnummer; the applicant's comes from the sign-in.</param>
/// <param name="IsApplicant">The signed-in guardian who applies (exactly one).</param>
public sealed record ApplicationGuardian(string Name, string? Email, string? Phone, string? NationalIdentityNumber, bool IsApplicant);

/// <param name="WalkingDistanceKm">The walking distance to school as the guardian knows it.</param>
public sealed record ApplicationHome(string Address, string PostalCode, string Place, decimal WalkingDistanceKm);

/// <param name="DefinedSegmentIds">Ids of pre-assessed segments of the school, e.g. <c>sunnfjord/S-04</c>.</param>
/// <param name="Legs">Legs described as in "Sjekk skolevegen" (DESIGN.md §5).</param>
public sealed record ApplicationRoute(IReadOnlyList<string> DefinedSegmentIds, IReadOnlyList<RouteLeg> Legs);

/// <param name="Text">The free-text reason.</param>
/// <param name="Factors">Optional texts per subjective factor; may hold health information (confidential).</param>
public sealed record ApplicationReasons(string? Text, IReadOnlyDictionary<SubjectiveFactor, string> Factors);

/// <summary>The subjective factors from the municipalities' guidelines. Stored by name: never rename.</summary>
public enum SubjectiveFactor
{
    AgeAndMaturity,
    MotorSkills,
    Concentration,
    Impulsivity,
    TrafficTraining,
    Experience,
    AnxietyOrPsychosocial,
    RuleUnderstanding,
}

/// <summary>Helårsskyss or vinterskyss. Stored by name: never rename.</summary>
public enum TransportPeriod
{
    WholeSchoolYear,
    WinterOnly,
}
