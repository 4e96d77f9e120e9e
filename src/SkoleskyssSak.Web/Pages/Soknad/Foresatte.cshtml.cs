using Mediator;
using Microsoft.AspNetCore.Mvc;
using SkoleskyssSak.Application.Features.Applications;
using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Web.Pages.Soknad;

/// <summary>Step 2: the guardians — the applicant (from the sign-in) and optionally one more who gets the letters.</summary>
public sealed class ForesatteModel(ISender sender) : ApplicationPageModel(sender)
{
    [BindProperty]
    public GuardiansInput Input { get; set; } = new();

    public string ApplicantName => Case.Application.Guardians.FirstOrDefault(g => g.IsApplicant)?.Name ?? string.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, "foresatte", cancellationToken) is { } stop)
        {
            return stop;
        }

        var applicant = Case.Application.Guardians.FirstOrDefault(g => g.IsApplicant);
        var other = Case.Application.Guardians.FirstOrDefault(g => !g.IsApplicant);
        Input = new GuardiansInput
        {
            ApplicantEmail = applicant?.Email,
            ApplicantPhone = applicant?.Phone,
            OtherName = other?.Name,
            OtherEmail = other?.Email,
            OtherPhone = other?.Phone,
            OtherNationalIdentityNumber = other?.NationalIdentityNumber,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftOnly: true, null, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        var guardians = new List<ApplicationGuardian> { new(ApplicantName, Blank(Input.ApplicantEmail), Blank(Input.ApplicantPhone), null, IsApplicant: true) };
        if (Blank(Input.OtherName) is not null || Blank(Input.OtherEmail) is not null || Blank(Input.OtherPhone) is not null || Blank(Input.OtherNationalIdentityNumber) is not null)
        {
            guardians.Add(new ApplicationGuardian(Input.OtherName ?? string.Empty, Blank(Input.OtherEmail), Blank(Input.OtherPhone), Blank(Input.OtherNationalIdentityNumber), IsApplicant: false));
        }

        var result = await Requests.Send(new SaveApplicationStepCommand(CaseId, Pseudonym, new GuardiansStep(guardians)), cancellationToken);
        return await AfterSaveAsync(result, "hjem", Field, () => Task.CompletedTask);
    }

    private static string Field(string key) => key switch
    {
        "Guardians[0].Email" => "Input.ApplicantEmail",
        "Guardians[0].Phone" => "Input.ApplicantPhone",
        "Guardians[1].Name" => "Input.OtherName",
        "Guardians[1].Email" => "Input.OtherEmail",
        "Guardians[1].Phone" => "Input.OtherPhone",
        "Guardians[1].NationalIdentityNumber" => "Input.OtherNationalIdentityNumber",
        _ => string.Empty,
    };

    public sealed class GuardiansInput
    {
        public string? ApplicantEmail { get; set; }

        public string? ApplicantPhone { get; set; }

        public string? OtherName { get; set; }

        public string? OtherEmail { get; set; }

        public string? OtherPhone { get; set; }

        /// <summary>Optional: with it the other guardian sees the case in their own "Mine saker".</summary>
        public string? OtherNationalIdentityNumber { get; set; }
    }
}
