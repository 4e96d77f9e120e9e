using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Features.Rulebooks;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Admin.Retningslinje;

/// <summary>
/// One version of the rulebook. An active or retired version is shown as it stands; a draft is the editor: its
/// rows with edit and remove, its segments, what ValidateDraft finds, and "Ta i bruk" with a start date.
/// </summary>
public sealed class VersjonModel(
    ISender sender,
    IStringLocalizer<SharedResource> text) : AdminPageModel
{
    [FromRoute(Name = "versjon")]
    public int Number { get; set; }

    public RulebookVersionView? View { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public bool IsDraft => View?.Summary.Status == RulebookStatus.Draft;

    [BindProperty]
    public ActivationForm Activation { get; set; } = new();

    /// <summary>Set after an activation or a removal, shown once at the top.</summary>
    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRemoveRuleAsync(string? ruleId, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RemoveRuleCommand(Municipality, Number, ruleId ?? string.Empty), cancellationToken);
        if (result.IsOk)
        {
            Notice = text["AdminRuleRemoved", ruleId ?? string.Empty];
            return Redirect(VersionPath(Number));
        }

        if (Failed(result.Failure) is { } notFound)
        {
            return notFound;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActivateAsync(CancellationToken cancellationToken)
    {
        var validFrom = AdminFormat.ParseDate(Activation.ValidFrom);
        if (validFrom is null)
        {
            ModelState.AddModelError("Activation.ValidFrom", string.IsNullOrWhiteSpace(Activation.ValidFrom) ? text["AdminDateRequired"] : text["AdminDateInvalid"]);
        }

        if (!Activation.Confirm)
        {
            ModelState.AddModelError("Activation.Confirm", text["AdminConfirmRequired"]);
        }

        if (ModelState.IsValid)
        {
            var result = await sender.Send(new ActivateDraftCommand(Municipality, Number, validFrom), cancellationToken);
            if (result.IsOk)
            {
                Notice = text["AdminActivated", $"{Municipality}/v{Number}", AdminFormat.Date(validFrom)];
                return Redirect(BasePath + "/historikk");
            }

            if (Failed(result.Failure, field => "Activation." + field) is { } notFound)
            {
                return notFound;
            }
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        View = await sender.Send(new GetRulebookVersionQuery(Municipality, Number), cancellationToken);
        if (View is null)
        {
            return false;
        }

        if (IsDraft)
        {
            Findings = (await sender.Send(new ValidateDraftQuery(Municipality, Number), cancellationToken))?.Findings ?? [];
        }

        return true;
    }

    public sealed class ActivationForm
    {
        public string? ValidFrom { get; set; }

        public bool Confirm { get; set; }
    }
}
