using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.LetterTemplates;

/// <summary>
/// The admin words one notice text (fvl. § 27) for the municipality's decision letters. An empty text, or the default
/// itself, resets it: the override is deleted and the letters use the default again.
/// </summary>
/// <param name="Key">A <see cref="NoticeText"/> name, as the form posts it.</param>
public sealed record SaveNoticeTextCommand(string MunicipalityNumber, string Key, string? Text, string StaffUserId);

public abstract record NoticeTextResult
{
    private NoticeTextResult()
    {
    }

    public sealed record Saved(NoticeText Key) : NoticeTextResult;

    /// <summary>The letters use the default again (also when there was no override).</summary>
    public sealed record Reset(NoticeText Key) : NoticeTextResult;

    /// <summary>No such municipality or key.</summary>
    public sealed record NotFound : NoticeTextResult;

    /// <summary>Field ("Text") → messages in the page's language; nothing was saved.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : NoticeTextResult;

    /// <summary>Someone else saved the same text meanwhile; nothing was saved.</summary>
    public sealed record Conflict(string Message) : NoticeTextResult;
}

public sealed class SaveNoticeTextHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<NoticeTextResult> HandleAsync(SaveNoticeTextCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var key = Enum.GetValues<NoticeText>().Cast<NoticeText?>().FirstOrDefault(k => k.ToString() == command.Key);
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Number == command.MunicipalityNumber, cancellationToken);
        if (key is not { } notice || municipality is null)
        {
            return new NoticeTextResult.NotFound();
        }

        var text = (command.Text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var stored = await db.LetterTemplateTexts.SingleOrDefaultAsync(t => t.MunicipalityNumber == municipality.Number && t.Key == notice, cancellationToken);
        var auditId = $"{municipality.Number}/{notice}";
        NoticeTextResult result;
        if (text.Length == 0 || text == NoticeTexts.Default(notice, municipality.LanguageForm))
        {
            if (stored is null)
            {
                return new NoticeTextResult.Reset(notice);
            }

            db.LetterTemplateTexts.Remove(stored);
            audit.Record("NoticeTextReset", NoticeTexts.AuditObjectType, auditId);
            result = new NoticeTextResult.Reset(notice);
        }
        else
        {
            if (NoticeTextRules.Check(notice, text) is { Count: > 0 } problems)
            {
                return new NoticeTextResult.Invalid(new Dictionary<string, string[]> { ["Text"] = NoticeTexts.Messages(notice, problems) });
            }

            var now = clock.GetUtcNow();
            if (stored is null)
            {
                db.LetterTemplateTexts.Add(new LetterTemplateText(municipality.Number, notice, text, command.StaffUserId, now));
            }
            else
            {
                stored.Change(text, command.StaffUserId, now);
            }

            audit.Record("NoticeTextSaved", NoticeTexts.AuditObjectType, auditId);
            result = new NoticeTextResult.Saved(notice);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException)
        {
            // A colleague saved, reset or first wrote the same text meanwhile (xmin, or the primary key).
            return new NoticeTextResult.Conflict(AdminTexts.Get("NoticeTextConflict"));
        }
    }
}
