namespace SkoleskyssSak.Application.Common;

/// <summary>
/// A query that shows personal data: the pipeline (<see cref="ReadAuditBehavior{TMessage,TResponse}"/>) records who read
/// what, once per request, after the query found it. Query handlers never write themselves.
/// </summary>
public interface IAuditedRead
{
    /// <summary>The audit action, e.g. "DecisionWorkspaceRead".</summary>
    string ReadAction { get; }

    /// <summary>The audited object type, e.g. "Case" or "WorkQueue".</summary>
    string AuditObjectType { get; }

    /// <summary>The audited object id.</summary>
    string AuditObjectId { get; }
}

/// <summary>A query that shows a case's personal data (object type "Case", the case id unless it says otherwise).</summary>
public interface ICaseRead : IAuditedRead
{
    /// <summary>The case read.</summary>
    Guid CaseId { get; }

    string IAuditedRead.AuditObjectType => CaseAccess.AuditObjectType;

    /// <summary>The audited object id: the case, or what of it was read (e.g. "{case}:{document}" for a document).</summary>
    string IAuditedRead.AuditObjectId => CaseId.ToString();
}
