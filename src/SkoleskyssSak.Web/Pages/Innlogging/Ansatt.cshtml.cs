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

/// <summary>Staff sign in with e-mail and password (ASP.NET Core Identity; failures slow the account and the address down, <see cref="SignInThrottling"/>).</summary>
[EnableRateLimiting(RateLimitPolicies.Login)]
public sealed class AnsattModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    IAuditTrail audit,
    SignInThrottling throttling,
    IStringLocalizer<SharedResource> text) : PageModel
{
    private static string? dummyPasswordHash;

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

        // Issue 10: back-off per account and per address instead of Identity's lockout, and the same answer whether
        // the account exists, is disabled or the password is wrong (SignInThrottling).
        var email = Input.Email!.Trim();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttling.RetryAfterAsync(email, address, cancellationToken) is { } wait)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded)
        {
            if (user is null || result.IsLockedOut || result.IsNotAllowed)
            {
                // As long as a real check, so the time taken does not tell which accounts exist.
                dummyPasswordHash ??= users.PasswordHasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString("N"));
                _ = users.PasswordHasher.VerifyHashedPassword(new StaffUser(), dummyPasswordHash, Input.Password!);
            }

            await throttling.RecordFailureAsync(email, address, cancellationToken);
            ModelState.AddModelError("Input.Email", text["SignInFailed"]);
            return Page();
        }

        await throttling.RecordSuccessAsync(email, cancellationToken);
        await audit.RecordSignInAsync(user!.Id.ToString(), "Staff", "password", cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/ansatt");
    }

    public sealed class StaffSignInInput
    {
        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
