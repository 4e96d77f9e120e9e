using FluentValidation;
using Mediator;
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
public sealed record SaveNoticeTextCommand(string MunicipalityNumber, string Key, string? Text, string StaffUserId) : ICommand<CommandResult<NoticeTextSaved>>
{
    /// <summary>The notice text the key names, or null for an unknown key.</summary>
    internal NoticeText? NoticeKey => Enum.GetValues<NoticeText>().Cast<NoticeText?>().FirstOrDefault(k => k.ToString() == Key);

    /// <summary>The text as stored: line breaks as \n, trimmed.</summary>
    internal string Wording => (Text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <param name="Reset">True when the letters use the default again (also when there was no override).</param>
public sealed record NoticeTextSaved(NoticeText Key, bool Reset);

/// <summary>
/// The text must pass <see cref="NoticeTextRules"/> (placeholders, required content, length), with the admin's
/// messages under "Text". An unknown key or municipality is not checked (the handler answers NotFound); an empty text
/// or the default is a reset, not an override.
/// </summary>
public sealed class SaveNoticeTextValidator : AbstractValidator<SaveNoticeTextCommand>
{
    public SaveNoticeTextValidator(IApplicationDbContext db)
    {
        RuleFor(c => c.Text).CustomAsync(async (_, context, cancellationToken) =>
        {
            var command = context.InstanceToValidate;
            if (command.NoticeKey is not { } key)
            {
                return;
            }

            var languageForm = await db.Municipalities.AsNoTracking()
                .Where(m => m.Number == command.MunicipalityNumber)
                .Select(m => (LanguageForm?)m.LanguageForm)
                .SingleOrDefaultAsync(cancellationToken);
            var text = command.Wording;
            if (languageForm is null || text.Length == 0 || text == NoticeTexts.Default(key, languageForm.Value))
            {
                return;
            }

            foreach (var message in NoticeTexts.Messages(key, NoticeTextRules.Check(key, text)))
            {
                context.AddFailure(message);
            }
        });
    }
}

public sealed class SaveNoticeTextHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<SaveNoticeTextCommand, CommandResult<NoticeTextSaved>>
{
    public async ValueTask<CommandResult<NoticeTextSaved>> Handle(SaveNoticeTextCommand command, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Number == command.MunicipalityNumber, cancellationToken);
        if (command.NoticeKey is not { } notice || municipality is null)
        {
            return new Failure.NotFound();
        }

        var text = command.Wording;
        var stored = await db.LetterTemplateTexts.SingleOrDefaultAsync(t => t.MunicipalityNumber == municipality.Number && t.Key == notice, cancellationToken);
        var auditId = $"{municipality.Number}/{notice}";
        NoticeTextSaved result;
        if (text.Length == 0 || text == NoticeTexts.Default(notice, municipality.LanguageForm))
        {
            if (stored is null)
            {
                return new NoticeTextSaved(notice, Reset: true);
            }

            db.LetterTemplateTexts.Remove(stored);
            audit.Record("NoticeTextReset", NoticeTexts.AuditObjectType, auditId);
            result = new NoticeTextSaved(notice, Reset: true);
        }
        else
        {
            // The validator has checked the text against NoticeTextRules; LetterTemplateText refuses any other.
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
            result = new NoticeTextSaved(notice, Reset: false);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException)
        {
            // A colleague saved, reset or first wrote the same text meanwhile (xmin, or the primary key).
            return new Failure.Conflict(AdminTexts.Get("NoticeTextConflict"));
        }
    }
}
