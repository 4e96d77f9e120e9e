using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Application.Features.LetterTemplates;

/// <summary>The notice texts (fvl. § 27) of a municipality's decision letters, for its admin to word.</summary>
public sealed record GetNoticeTextsQuery(string MunicipalityNumber) : IQuery<NoticeTextsView?>;

/// <param name="Default">The default in the municipality's language form.</param>
/// <param name="Override">The municipality's own wording; null when the letters use the default.</param>
public sealed record NoticeTextView(
    NoticeText Key,
    string Default,
    string? Override,
    IReadOnlyList<NoticePlaceholder> Placeholders,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>What the letters say.</summary>
    public string Text => Override ?? Default;
}

public sealed record NoticeTextsView(LanguageForm LanguageForm, IReadOnlyList<NoticeTextView> Texts);

/// <summary>Every notice text in the letter's order; null when there is no such municipality.</summary>
public sealed class GetNoticeTextsHandler(IApplicationDbContext db) : IQueryHandler<GetNoticeTextsQuery, NoticeTextsView?>
{
    public async ValueTask<NoticeTextsView?> Handle(GetNoticeTextsQuery query, CancellationToken cancellationToken)
    {
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Number == query.MunicipalityNumber, cancellationToken);
        if (municipality is null)
        {
            return null;
        }

        var overrides = await db.LetterTemplateTexts.AsNoTracking()
            .Where(t => t.MunicipalityNumber == municipality.Number)
            .ToDictionaryAsync(t => t.Key, cancellationToken);
        var texts = Enum.GetValues<NoticeText>().Select(key =>
        {
            var stored = overrides.GetValueOrDefault(key);
            return new NoticeTextView(key, NoticeTexts.Default(key, municipality.LanguageForm), stored?.Text, NoticeTexts.Placeholders(key), stored?.UpdatedAt);
        }).ToList();
        return new NoticeTextsView(municipality.LanguageForm, texts);
    }
}
