using Mediator;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Application.Cases;

namespace SkoleskyssSak.Application.Common;

/// <summary>
/// Records who read a case, in one place for every <see cref="IAuditedRead"/> query: once per request that found what
/// it reads (nothing for a NotFound or a null answer), written by the audit trail in its own unit of work, so query
/// handlers never call SaveChanges.
/// </summary>
public sealed class ReadAuditBehavior<TMessage, TResponse>(IAuditTrail audit) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage, IAuditedRead
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (response is not null && response is not ICommandResult { Failure: not null })
        {
            await audit.RecordNowAsync(message.ReadAction, message.AuditObjectType, message.AuditObjectId, cancellationToken);
        }

        return response;
    }
}
