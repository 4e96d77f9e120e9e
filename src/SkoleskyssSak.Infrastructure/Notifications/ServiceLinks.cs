using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Infrastructure.Notifications;

/// <summary>Links built on Email:ServiceUrl, never on a request's Host header (which a client could forge).</summary>
internal sealed class ServiceLinks(IOptions<OutboxOptions> options) : IServiceLinks
{
    private readonly Uri baseUrl = new(options.Value.ServiceUrl.TrimEnd('/') + "/", UriKind.Absolute);

    public Uri MyCase(Guid caseId) => new(baseUrl, $"mine-saker/{caseId}");
}
