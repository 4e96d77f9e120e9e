namespace SkoleskyssSak.Application.Abstractions;

/// <summary>Absolute links to the service for e-mails (a mail has no request to take the host from).</summary>
public interface IServiceLinks
{
    /// <summary>The case in "Mine saker" (the reader signs in first; the link alone reveals nothing).</summary>
    Uri MyCase(Guid caseId);
}
