using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>
/// Step 7, "Kontroller og send": everything on one page, the declaration, and the submit. A second POST of the same
/// søknad (a double click, a resubmitted form) gets the same receipt: the submit is idempotent.
/// </summary>
public sealed class KontrollerModel(ISender sender) : ApplicationPageModel(sender)
{
    [BindProperty]
    public bool DeclarationAccepted { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, "kontroller", cancellationToken) is { } stop)
        {
            return stop;
        }

        DeclarationAccepted = Case.Application.DeclarationAccepted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: false, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (!Case.IsApplicant)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (Case.State == CaseState.Draft)
        {
            var saved = await Requests.Send(new SaveApplicationStepCommand(CaseId, Pseudonym, new DeclarationStep(DeclarationAccepted)), cancellationToken);
            if (saved.Failure is Failure.NotFound)
            {
                return NotFound();
            }
        }

        var result = await Requests.Send(new SubmitApplicationCommand(CaseId, Pseudonym), cancellationToken);
        if (result.IsOk)
        {
            return Redirect(StepUrl("kvittering"));
        }

        if (result.Failure is Failure.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailure(result.Failure, Field);

        // Show the page as saved (with the declaration as just ticked or not).
        await LoadAsync(draftOnly: false, null, cancellationToken);
        return Page();
    }

    /// <summary>The declaration's own field; every other message links to the part of the summary it is about.</summary>
    private static string Field(string key) =>
        key == nameof(ApplicationForm.DeclarationAccepted) ? nameof(DeclarationAccepted)
        : key.StartsWith("Child", StringComparison.Ordinal) ? "section-barn"
        : key.StartsWith("Guardians", StringComparison.Ordinal) ? "section-foresatte"
        : key.StartsWith("Homes", StringComparison.Ordinal) ? "section-hjem"
        : key.StartsWith("Route", StringComparison.Ordinal) ? "section-skoleveg"
        : "section-begrunnelse";
}
