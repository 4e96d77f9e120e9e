using SkoleskyssSak.Domain.Cases;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>When a case's søknad was sent, read from its events: "Mine saker", the case file, decisions and the appeal body use it.</summary>
public static class CaseSubmission
{
    /// <summary>The Submit event's time; null for a draft. The case must be loaded with its events.</summary>
    public static DateTimeOffset? SubmittedAt(SchoolTransportCase @case) =>
        @case.Events.Where(e => e.Trigger == CaseTrigger.Submit).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault();
}
