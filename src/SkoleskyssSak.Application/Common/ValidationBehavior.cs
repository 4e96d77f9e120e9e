using FluentValidation;
using Mediator;

namespace SkoleskyssSak.Application.Common;

/// <summary>
/// The one validation path: every command with FluentValidation validators is checked before its handler runs, and
/// input to correct comes back as <see cref="Failure.Invalid"/> (field → Norwegian messages), never as an exception.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
    where TResponse : ICommandResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            foreach (var error in result.Errors)
            {
                if (!errors.TryGetValue(error.PropertyName, out var messages))
                {
                    errors[error.PropertyName] = messages = [];
                }

                if (!messages.Contains(error.ErrorMessage))
                {
                    messages.Add(error.ErrorMessage);
                }
            }
        }

        return errors.Count == 0
            ? await next(message, cancellationToken)
            : TResponse.Failed(new Failure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal)));
    }
}
