using System.Globalization;
using System.Resources;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// What a municipality admin's command on a rulebook version comes to. A refused step is a value, not an
/// exception; a concurrent change is a <see cref="Conflict"/>, never a 500.
/// </summary>
public abstract record RulebookCommandResult
{
    private RulebookCommandResult()
    {
    }

    /// <param name="Version">The version number the command worked on (the new draft, the activated version).</param>
    /// <param name="Created">False when CreateDraft found a draft that already existed.</param>
    public sealed record Done(int Version, bool Created = true) : RulebookCommandResult;

    /// <summary>No such version (or row, or segment) in the admin's municipality.</summary>
    public sealed record NotFound : RulebookCommandResult;

    /// <summary>The step is not allowed (an active version edited, activation dated too early, errors in the draft).</summary>
    public sealed record Refused(string Message, IReadOnlyList<RulebookFinding> Findings) : RulebookCommandResult
    {
        public Refused(string message)
            : this(message, [])
        {
        }
    }

    /// <summary>Input the admin must correct: field (command property, e.g. "Conditions" or "Outcomes[2-4]") → messages.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : RulebookCommandResult;

    /// <summary>Someone else changed the version meanwhile (optimistic concurrency); nothing was saved.</summary>
    public sealed record Conflict(string Message) : RulebookCommandResult;
}

public enum FindingSeverity
{
    Error,
    Warning,
}

/// <summary>One problem ValidateDraft found: errors block activation, warnings do not.</summary>
public sealed record RulebookFinding(FindingSeverity Severity, IReadOnlyList<string> RuleIds, string Message);

/// <summary>Shared steps of the admin's rulebook commands, and the reading of a row's outcomes per grade band.</summary>
public static class RulebookAdmin
{
    /// <summary>The audit object type of every rulebook change.</summary>
    public const string AuditObjectType = "Rulebook";

    public static readonly IReadOnlyList<string> OutcomeNames = Enum.GetValues<TransportOutcome>().Select(OutcomeName).ToArray();

    public static string Label(string municipalityNumber, int version) => $"{municipalityNumber}/v{version}";

    public static string OutcomeName(TransportOutcome outcome) => JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString());

    internal static Task<RulebookVersion?> FindAsync(IApplicationDbContext db, string municipalityNumber, int version, CancellationToken cancellationToken) =>
        db.RulebookVersions.SingleOrDefaultAsync(r => r.MunicipalityNumber == municipalityNumber && r.Version == version, cancellationToken);

    /// <summary>
    /// Loads a draft, lets <paramref name="change"/> make a new document from it, stores that with an audit record
    /// in one SaveChanges. Refused for active and retired versions (RulebookVersion.Edit).
    /// </summary>
    internal static async Task<RulebookCommandResult> ChangeDraftAsync(
        IApplicationDbContext db,
        IAuditTrail audit,
        string municipalityNumber,
        int version,
        Func<RulebookDocument, DraftChange> change,
        string auditAction,
        string? auditDetail,
        CancellationToken cancellationToken)
    {
        var stored = await FindAsync(db, municipalityNumber, version, cancellationToken);
        if (stored is null)
        {
            return new RulebookCommandResult.NotFound();
        }

        if (stored.Status != RulebookStatus.Draft)
        {
            return new RulebookCommandResult.Refused(AdminTexts.Format("OnlyDraftEditable", Label(municipalityNumber, version)));
        }

        var outcome = change(RulebookDocument.Parse(stored.Content));
        if (outcome.Failure is { } failure)
        {
            return failure;
        }

        var edit = stored.Edit(outcome.Document!.ToJson());
        if (!edit.Succeeded)
        {
            return new RulebookCommandResult.Refused(edit.Reason!);
        }

        var label = Label(municipalityNumber, version);
        audit.Record(auditAction, AuditObjectType, auditDetail is null ? label : $"{label}:{auditDetail}");
        return await SaveAsync(db, version, cancellationToken);
    }

    /// <summary>Saves; a concurrent change of the same version (xmin) gives a conflict instead of an exception.</summary>
    internal static async Task<RulebookCommandResult> SaveAsync(IApplicationDbContext db, int version, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RulebookCommandResult.Done(version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RulebookCommandResult.Conflict(AdminTexts.Get("Conflict"));
        }
    }

    /// <summary>
    /// The outcome a grade band of the form shows for a row: the row's outcome when it covers every grade of the
    /// band with one outcome, otherwise none chosen (empty).
    /// </summary>
    public static string BandValue(IReadOnlyDictionary<string, TransportOutcome> outcomes, string band)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var range = GradeRange.Parse(band);
        TransportOutcome? found = null;
        for (var grade = range.From; grade <= range.To; grade++)
        {
            var explicitOutcome = Explicit(outcomes, grade);
            if (explicitOutcome is null || (found is not null && found != explicitOutcome))
            {
                return string.Empty;
            }

            found = explicitOutcome;
        }

        return found is { } outcome ? OutcomeName(outcome) : string.Empty;
    }

    /// <summary>The outcome a row states for a grade, or null when none of its grade ranges covers it.</summary>
    public static TransportOutcome? Explicit(IReadOnlyDictionary<string, TransportOutcome> outcomes, int grade)
    {
        foreach (var (grades, outcome) in outcomes)
        {
            if (TryRange(grades, out var range) && range.Contains(grade))
            {
                return outcome;
            }
        }

        return null;
    }

    public static bool TryRange(string text, out GradeRange range)
    {
        try
        {
            range = GradeRange.Parse(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            range = default;
            return false;
        }
    }

    /// <summary>
    /// The outcomes chosen per grade band of the rulebook (band → "yearRound" … or empty for none chosen).
    /// Unknown bands or values are errors under "Outcomes[band]".
    /// </summary>
    internal static Dictionary<string, TransportOutcome> ParseOutcomes(
        IReadOnlyDictionary<string, string?> chosen, IReadOnlyList<string> bands, Dictionary<string, string[]> errors)
    {
        var result = new Dictionary<string, TransportOutcome>(StringComparer.Ordinal);
        foreach (var (band, value) in chosen)
        {
            if (!bands.Contains(band))
            {
                errors[$"Outcomes[{band}]"] = [AdminTexts.Format("UnknownBand", band, string.Join(", ", bands))];
                continue;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            var outcome = Enum.GetValues<TransportOutcome>().Where(o => OutcomeName(o) == value.Trim()).Cast<TransportOutcome?>().FirstOrDefault();
            if (outcome is null)
            {
                errors[$"Outcomes[{band}]"] = [AdminTexts.Format("UnknownOutcome", value, string.Join(", ", OutcomeNames))];
                continue;
            }

            result[band] = outcome.Value;
        }

        // In the order of the published columns.
        return bands.Where(result.ContainsKey).ToDictionary(b => b, b => result[b], StringComparer.Ordinal);
    }
}

/// <summary>A changed document, or why there is none.</summary>
internal readonly record struct DraftChange(RulebookDocument? Document, RulebookCommandResult? Failure)
{
    public static DraftChange To(RulebookDocument document) => new(document, null);

    public static DraftChange Fail(RulebookCommandResult failure) => new(null, failure);

    public static DraftChange Invalid(Dictionary<string, string[]> errors) => new(null, new RulebookCommandResult.Invalid(errors));
}

/// <summary>
/// The admin's messages (Resources/RulebookAdminTexts*.resx) in the page's language: Bokmål, or Nynorsk when the
/// request culture is nn (Sunnfjord's pages).
/// </summary>
public static class AdminTexts
{
    private static readonly ResourceManager Texts = new("SkoleskyssSak.Application.Resources.RulebookAdminTexts", typeof(AdminTexts).Assembly);

    public static string Get(string key) => Texts.GetString(key, CultureInfo.CurrentUICulture) ?? key;

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, Get(key), args);
}
