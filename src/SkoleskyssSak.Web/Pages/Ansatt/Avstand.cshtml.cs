using System.Globalization;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Referrals;

namespace SkoleskyssSak.Web.Pages.Ansatt;

/// <summary>
/// The walking distance of each home of a case (issue 11): the caseworker confirms it with its source and date, and refers
/// a home whose confirmed distance is beyond the grade's limit to the county (opplæringslova § 4-1 first paragraph; each
/// home on its own, § 4-1 last paragraph). Another municipality's case: 404.
/// </summary>
public sealed class AvstandModel(
    ISender sender,
    TimeProvider clock) : CaseworkerPageModel
{
    public CaseHomeDistances View { get; private set; } = null!;

    /// <summary>Today in Norway (yyyy-MM-dd), from the clock the handler checks the date against: the date field's default.</summary>
    public string Today => SkoleskyssSak.Domain.Time.NorwegianTime.Today(clock.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [BindProperty]
    public int HomeIndex { get; set; }

    [BindProperty]
    public string? DistanceKm { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? MeasuredOn { get; set; }

    /// <summary>The home whose form was posted (its fields carry the messages); null on a plain visit.</summary>
    public int? PostedHome { get; private set; }

    public string PagePath => $"{CasePath}/avstand";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        PostedHome = HomeIndex;
        // A date that is no date goes to the handler as none, which answers with its own message beside the others.
        var measuredOn = FormDates.TryParse(MeasuredOn, out var date) ? date : null;
        var km = ParseKm(DistanceKm);
        var result = await sender.Send(new ConfirmHomeDistanceCommand(CaseId, Municipality, StaffUserId, HomeIndex, km, Source, measuredOn), cancellationToken);
        return await AfterCommandAsync(result, PagePath, key => key == nameof(ConfirmHomeDistanceCommand.HomeIndex) ? string.Empty : key, () => ShowAsync(cancellationToken));
    }

    public async Task<IActionResult> OnPostReferAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var result = await sender.Send(new ReferHomeToCountyCommand(CaseId, Municipality, StaffUserId, HomeIndex), cancellationToken);
        return await AfterCommandAsync(result, PagePath, _ => string.Empty, () => ShowAsync(cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var view = await sender.Send(new GetHomeDistancesQuery(CaseId, Municipality), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    /// <summary>"4,6" or "4.6"; null for anything that is no number (the handler says what is wrong).</summary>
    private static decimal? ParseKm(string? value)
    {
        var text = value?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var km) ? km : null;
    }
}
