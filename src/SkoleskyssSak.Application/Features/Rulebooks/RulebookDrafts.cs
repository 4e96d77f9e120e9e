using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Rules;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// The steps the admin's rulebook commands share: finding a version, changing a draft's document and saving it with
/// its audit record (one SaveChanges, optimistic concurrency), and the draft the validators check input against.
/// </summary>
public static class RulebookDrafts
{
    /// <summary>The audit object type of every rulebook change.</summary>
    public const string AuditObjectType = "Rulebook";

    private const string DraftKey = "RulebookDraft";

    /// <summary>"5028/v2", as the audit records and messages name a version.</summary>
    public static string Label(string municipalityNumber, int version) => $"{municipalityNumber}/v{version}";

    internal static Task<RulebookVersion?> FindAsync(IApplicationDbContext db, string municipalityNumber, int version, CancellationToken cancellationToken) =>
        db.RulebookVersions.SingleOrDefaultAsync(r => r.MunicipalityNumber == municipalityNumber && r.Version == version, cancellationToken);

    /// <summary>
    /// For a validator's <c>WhenAsync</c>: true when the version is a draft, which it then keeps in the validation
    /// context (<see cref="Draft{T}"/>) for the checks that need its grade bands, rows or segments. A missing or
    /// non-draft version is not checked: the handler answers NotFound or Refused, as before any input is read.
    /// </summary>
    internal static async Task<bool> IsDraftAsync<T>(
        IApplicationDbContext db, string municipalityNumber, int version, ValidationContext<T> context, CancellationToken cancellationToken)
    {
        var stored = await db.RulebookVersions.AsNoTracking()
            .Where(r => r.MunicipalityNumber == municipalityNumber && r.Version == version && r.Status == RulebookStatus.Draft)
            .Select(r => r.Content)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return false;
        }

        context.RootContextData[DraftKey] = RulebookDocument.Parse(stored);
        return true;
    }

    /// <summary>The draft <see cref="IsDraftAsync{T}"/> found.</summary>
    internal static RulebookDocument Draft<T>(ValidationContext<T> context) => (RulebookDocument)context.RootContextData[DraftKey];

    /// <summary>Puts field errors (field → messages) on a validation context.</summary>
    internal static void AddFailures<T>(ValidationContext<T> context, Dictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            foreach (var message in messages)
            {
                context.AddFailure(field, message);
            }
        }
    }

    /// <summary>
    /// Loads a draft, lets <paramref name="change"/> make a new document from it, stores that with an audit record
    /// in one SaveChanges. Refused for active and retired versions (RulebookVersion.Edit).
    /// </summary>
    internal static async Task<CommandResult> ChangeAsync(
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
            return new Failure.NotFound();
        }

        if (stored.Status != RulebookStatus.Draft)
        {
            return new Failure.Refused(AdminTexts.Format("OnlyDraftEditable", Label(municipalityNumber, version)));
        }

        var outcome = change(RulebookDocument.Parse(stored.Content));
        if (outcome.Failure is { } failure)
        {
            return failure;
        }

        var edit = stored.Edit(outcome.Document!.ToJson());
        if (!edit.Succeeded)
        {
            return new Failure.Refused(edit.Reason!);
        }

        var label = Label(municipalityNumber, version);
        audit.Record(auditAction, AuditObjectType, auditDetail is null ? label : $"{label}:{auditDetail}");
        return await SaveAsync(db, cancellationToken) is { } conflict ? conflict : CommandResult.Ok;
    }

    /// <summary>Saves; a concurrent change of the same version (xmin) gives a conflict instead of an exception.</summary>
    internal static async Task<Failure?> SaveAsync(IApplicationDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new Failure.Conflict(AdminTexts.Get("Conflict"));
        }
    }
}

/// <summary>A changed document, or why there is none.</summary>
internal readonly record struct DraftChange(RulebookDocument? Document, Failure? Failure)
{
    public static DraftChange To(RulebookDocument document) => new(document, null);

    public static DraftChange Fail(Failure failure) => new(null, failure);

    public static DraftChange Invalid(Dictionary<string, string[]> errors) => new(null, new Failure.Invalid(errors));
}
