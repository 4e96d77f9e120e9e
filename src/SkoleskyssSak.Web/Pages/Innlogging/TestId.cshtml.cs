using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.People;
using SkoleskyssSak.Infrastructure.Seeding;
using SkoleskyssSak.Web.Auth;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Innlogging;

/// <summary>
/// TestID: signs a parent in as a synthetic test person, standing in for ID-porten outside production.
/// Answers 404 unless IdPorten:Mode is TestId, which the app refuses at start-up in Production.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class TestIdModel(
    IOptions<IdPortenOptions> options,
    CitizenPrincipalFactory principals,
    IAuditTrail audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public IReadOnlyList<DemoData.TestIdPersonRow> Persons => DemoData.Instance.TestIdPersons;

    [BindProperty]
    public TestIdInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => options.Value.Mode == IdPortenMode.TestId ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode != IdPortenMode.TestId)
        {
            return NotFound();
        }

        if (!NationalIdentityNumber.TryParse(Input.NationalIdentityNumber, out var number))
        {
            ModelState.AddModelError("Input.NationalIdentityNumber", text["TestIdInvalidNumber"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", text["TestIdNameRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var principal = principals.Create(number!.Value, Input.Name!.Trim(), "testid");
        await HttpContext.SignInAsync(AuthSchemes.Citizen, principal);
        await audit.RecordSignInAsync(principal.FindFirst(SkoleskyssClaims.Subject)!.Value, "Citizen", "testid", cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/mine-saker");
    }

    public sealed class TestIdInput
    {
        public string? NationalIdentityNumber { get; set; }

        public string? Name { get; set; }
    }
}
