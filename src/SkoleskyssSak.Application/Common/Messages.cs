namespace SkoleskyssSak.Application.Common;

/// <summary>
/// A query that shows a case's personal data: the pipeline (<see cref="ReadAuditBehavior{TMessage,TResponse}"/>)
/// records who read it, once per request, after the query found the case. Query handlers never write themselves.
/// </summary>
public interface ICaseRead
{
    /// <summary>The case read.</summary>
    Guid CaseId { get; }

    /// <summary>The audit action, e.g. "DecisionWorkspaceRead".</summary>
    string ReadAction { get; }

    /// <summary>The audited object id: the case, or what of it was read (e.g. "{case}:{document}" for a document).</summary>
    string AuditObjectId => CaseId.ToString();
}
