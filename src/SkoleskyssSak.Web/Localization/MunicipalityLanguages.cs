using Mediator;
using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Domain.Municipalities;

namespace SkoleskyssSak.Web.Localization;

/// <summary>Language form per kommunenummer, cached for a few minutes (it changes almost never).</summary>
internal sealed class MunicipalityLanguages(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private volatile Snapshot? snapshot;

    public async Task<LanguageForm?> LanguageFormOfAsync(string municipalityNumber, CancellationToken cancellationToken)
    {
        var current = snapshot;
        if (current is null || clock.GetUtcNow() - current.LoadedAt > Lifetime)
        {
            await using var scope = scopes.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ListMunicipalitiesQuery(), cancellationToken);
            current = new Snapshot(clock.GetUtcNow(), list.ToDictionary(m => m.Number, m => m.LanguageForm));
            snapshot = current;
        }

        return current.Forms.TryGetValue(municipalityNumber, out var form) ? form : null;
    }

    private sealed record Snapshot(DateTimeOffset LoadedAt, IReadOnlyDictionary<string, LanguageForm> Forms);
}
