using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Adds a row at the end of a draft's table, with a new stable id such as "melhus/T1-19".</summary>
public sealed record AddRuleCommand(
    string MunicipalityNumber,
    int Version,
    string? RuleId,
    string? Text,
    string? Note,
    IReadOnlyDictionary<string, string?> Outcomes,
    string? Conditions) : ICommand<CommandResult>;

/// <summary>
/// Checks the row against the draft (its ids and grade bands); a missing version or one that is no draft is not
/// checked: the handler answers NotFound or Refused.
/// </summary>
public sealed class AddRuleValidator : AbstractValidator<AddRuleCommand>
{
    public AddRuleValidator(IApplicationDbContext db)
    {
        WhenAsync(
            (c, context, ct) => RulebookDrafts.IsDraftAsync(db, c.MunicipalityNumber, c.Version, context, ct),
            () =>
            {
                RuleFor(c => c.RuleId).NotEmpty().WithMessage(_ => AdminTexts.Get("RuleIdRequired"))
                    .Matches(RuleLimits.IdPattern).WithMessage(_ => AdminTexts.Get("RuleIdFormat"));
                RuleFor(c => c.Text).NotEmpty().WithMessage(_ => AdminTexts.Get("RuleTextRequired"))
                    .MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
                RuleFor(c => c.Note).MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
                RuleFor(c => c.Conditions).NotEmpty().WithMessage(_ => AdminTexts.Get("ConditionsRequired"))
                    .MaximumLength(RuleLimits.ConditionsLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.ConditionsLength));
                RuleFor(c => c.RuleId)
                    .Must((_, id, context) => !RulebookDrafts.Draft(context).Rules.Any(r => r.Id == id!.Trim()))
                    .When(c => !string.IsNullOrWhiteSpace(c.RuleId))
                    .WithMessage(c => AdminTexts.Format("RuleIdTaken", c.RuleId!.Trim()));
                RuleFor(c => c).Custom((c, context) => RuleLimits.CheckRow(context, c.Outcomes, c.Conditions, RulebookDrafts.Draft(context).GradeBands));
            });
    }
}

public sealed class AddRuleHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<AddRuleCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(AddRuleCommand command, CancellationToken cancellationToken)
    {
        var id = command.RuleId?.Trim() ?? string.Empty;
        return await RulebookDrafts.ChangeAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (document.Rules.Any(r => r.Id == id))
            {
                // Added by someone else since the validator read the draft.
                errors[nameof(AddRuleCommand.RuleId)] = [AdminTexts.Format("RuleIdTaken", id)];
            }

            var row = RuleLimits.ReadRow(command.Outcomes, command.Conditions, document.GradeBands, errors);
            if (errors.Count > 0 || row is not { } read)
            {
                return DraftChange.Invalid(errors);
            }

            var added = new RuleDocument
            {
                Id = id,
                Text = command.Text!.Trim(),
                Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
                When = read.When,
                Outcomes = read.Outcomes,
            };
            return DraftChange.To(document with { Rules = [.. document.Rules, added] });
        }, "RulebookRuleAdded", id, cancellationToken);
    }
}
