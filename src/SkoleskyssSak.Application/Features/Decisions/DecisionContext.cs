using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Application.Features.LetterTemplates;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Domain.Time;

namespace SkoleskyssSak.Application.Features.Decisions;

/// <summary>
/// Everything a decision on a case needs, for a caseworker of the case's municipality: the case, the søknad, the
/// school, the rulebook in force on the day the søknad came in (the rules at the time of application apply), the
/// appeal chain named for the letter, and the municipality's notice texts (fvl. § 27).
/// </summary>
internal sealed record DecisionContext(
    SchoolTransportCase Case,
    ApplicationForm Form,
    Municipality Municipality,
    School School,
    DateOnly ReceivedOn,
    Rulebook? Rulebook,
    IReadOnlyList<AppealBody> AppealChain,
    Decision? Draft,
    IReadOnlyDictionary<NoticeText, string> Notices,
    IReadOnlyList<Domain.Referrals.HomeDistance>? HomeDistances = null)
{
    public LanguageForm Language => Municipality.LanguageForm;

    public CultureInfo Culture => CaseTexts.CultureFor(Language);

    public string MunicipalityName => Municipality.Name + " kommune";

    /// <summary>The case of <paramref name="municipalityNumber"/> with a submitted søknad; null otherwise (404).</summary>
    public static async Task<DecisionContext?> LoadAsync(IApplicationDbContext db, RulebookProvider rulebooks, Guid caseId, string? municipalityNumber, bool tracking, CancellationToken cancellationToken)
    {
        var cases = tracking ? db.Cases : db.Cases.AsNoTracking();
        var @case = await cases.Include(c => c.Events).SingleOrDefaultAsync(c => c.Id == caseId && c.MunicipalityNumber == municipalityNumber, cancellationToken);
        if (@case?.CaseNumber is null)
        {
            return null;
        }

        var form = (await db.Applications.AsNoTracking().SingleAsync(a => a.CaseId == caseId, cancellationToken)).Content;
        if (form.Child is null)
        {
            return null;
        }

        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Number == @case.MunicipalityNumber, cancellationToken);
        var school = await db.Schools.AsNoTracking().SingleAsync(s => s.Id == form.Child.SchoolId, cancellationToken);
        var received = NorwegianTime.Today(CaseSubmission.SubmittedAt(@case) ?? @case.CreatedAt);
        var rulebook = await rulebooks.InForceAsync(@case.MunicipalityNumber, received, cancellationToken);
        var chain = await AppealChainAsync(db, rulebook, school, cancellationToken);
        var drafts = tracking ? db.Decisions : db.Decisions.AsNoTracking();
        var draft = await drafts.SingleOrDefaultAsync(d => d.CaseId == caseId && d.Status == DecisionStatus.Draft, cancellationToken);
        var notices = await NoticeTexts.LoadAsync(db, municipality, cancellationToken);
        // The confirmed distances and referrals of the homes (issue 11): a decision letter names a home referred to the county.
        var distances = await db.HomeDistances.AsNoTracking().Where(d => d.CaseId == caseId).ToListAsync(cancellationToken);
        return new DecisionContext(@case, form, municipality, school, received, rulebook, chain, draft, notices, distances);
    }

    /// <summary>
    /// The bodies after the municipality, in order (DESIGN.md §4); a pupil of a private school appeals to the ministry
    /// (privatskolelova § 3-7).
    /// </summary>
    private static async Task<IReadOnlyList<AppealBody>> AppealChainAsync(IApplicationDbContext db, Rulebook? rulebook, School school, CancellationToken cancellationToken)
    {
        var codes = await AppealChainCodesAsync(db, rulebook, school, cancellationToken);
        var bodies = await db.AppealBodies.AsNoTracking().Where(b => codes.Contains(b.Code)).ToDictionaryAsync(b => b.Code, cancellationToken);
        return codes.Where(bodies.ContainsKey).Select(c => bodies[c]).ToList();
    }

    /// <summary>The codes of the appeal chain's bodies, in order: the rulebook's, or the ministry for a private school.</summary>
    internal static async Task<IReadOnlyList<string>> AppealChainCodesAsync(IApplicationDbContext db, Rulebook? rulebook, School school, CancellationToken cancellationToken) =>
        school.IsPrivate
            ? await db.AppealBodies.AsNoTracking().Where(b => b.Kind == AppealBodyKind.Ministry).Select(b => b.Code).Take(1).ToListAsync(cancellationToken)
            : rulebook?.AppealChain ?? [];

    /// <summary>The names of <see cref="AppealChain"/>, for the letter's notice.</summary>
    public IReadOnlyList<string> AppealChainNames => AppealChain.Select(b => b.Name).ToList();

    public string Date(DateOnly date) => date.ToString("d. MMMM yyyy", Culture);

    /// <summary>A notice text (fvl. § 27) as the municipality words it, filled in its culture like every text of the letter.</summary>
    public string Notice(NoticeText key, params object?[] args) => string.Format(Culture, Notices[key], args);
}
