using System.Diagnostics;
using System.Security.Claims;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Web.Auth;

/// <summary>The acting person of the current HTTP request, by pseudonymous id.</summary>
internal sealed class CurrentActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string ActorId =>
        User?.FindFirstValue(SkoleskyssClaims.Subject)
        ?? User?.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? "anonymous";

    public string ActorKind => User?.Identity switch
    {
        { IsAuthenticated: true, AuthenticationType: AuthSchemes.Citizen } => "Citizen",
        { IsAuthenticated: true } => "Staff",
        _ => "Anonymous",
    };

    public string? TraceId => Activity.Current?.TraceId.ToString() ?? accessor.HttpContext?.TraceIdentifier;
}
