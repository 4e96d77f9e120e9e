using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Web.Hosting;
using SkoleskyssSak.Web.Localization;

namespace SkoleskyssSak.Web.Pages.Innlogging;

/// <summary>Staff sign in with e-mail and password (ASP.NET Core Identity, lockout after 5 failures).</summary>
[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class AnsattModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    IAuditTrail audit,
    IApplicationDbContext db,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public StaffSignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", text["EmailRequired"]);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["PasswordRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("Input.Email", text["SignInLockedOut"]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("Input.Email", text["SignInFailed"]);
            return Page();
        }

        audit.RecordSignIn(user!.Id.ToString(), "Staff", "password");
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/ansatt");
    }

    public sealed class StaffSignInInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
