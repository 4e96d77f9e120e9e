using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>
/// Changes one row of a draft: its published text, an optional note, the outcome per grade band (band → "yearRound",
/// "winter", "considerWinter", "none", or empty for no outcome) and the conditions as JSON.
/// </summary>
public sealed record EditRuleCommand(
    string MunicipalityNumber,
    int Version,
    string RuleId,
    string? Text,
    string? Note,
    IReadOnlyDictionary<string, string?> Outcomes,
    string? Conditions) : ICommand<CommandResult>;

/// <summary>
/// Checks the row against the draft (its grade bands); a missing version, one that is no draft, or a missing row is
/// not checked: the handler answers NotFound or Refused.
/// </summary>
public sealed class EditRuleValidator : AbstractValidator<EditRuleCommand>
{
    public EditRuleValidator(IApplicationDbContext db)
    {
        WhenAsync(
            async (c, context, ct) => await RulebookDrafts.IsDraftAsync(db, c.MunicipalityNumber, c.Version, context, ct)
                && RulebookDrafts.Draft(context).Rules.Any(r => r.Id == c.RuleId),
            () =>
            {
                RuleFor(c => c.Text).NotEmpty().WithMessage(_ => AdminTexts.Get("RuleTextRequired"))
                    .MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
                RuleFor(c => c.Note).MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
                RuleFor(c => c.Conditions).NotEmpty().WithMessage(_ => AdminTexts.Get("ConditionsRequired"))
                    .MaximumLength(RuleLimits.ConditionsLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.ConditionsLength));
                RuleFor(c => c).Custom((c, context) => RuleLimits.CheckRow(context, c.Outcomes, c.Conditions, RulebookDrafts.Draft(context).GradeBands));
            });
    }
}

public sealed class EditRuleHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<EditRuleCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(EditRuleCommand command, CancellationToken cancellationToken) =>
        await RulebookDrafts.ChangeAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
        {
            var index = document.Rules.ToList().FindIndex(r => r.Id == command.RuleId);
            if (index < 0)
            {
                return DraftChange.Fail(new Failure.NotFound());
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var row = RuleLimits.ReadRow(command.Outcomes, command.Conditions, document.GradeBands, errors);
            if (errors.Count > 0 || row is not { } read)
            {
                return DraftChange.Invalid(errors);
            }

            var rules = document.Rules.ToList();
            rules[index] = rules[index] with
            {
                Text = command.Text!.Trim(),
                Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
                When = read.When,
                Outcomes = read.Outcomes,

                // The municipality's admin has set the row: it is no longer an unconfirmed reconstruction.
                Unconfirmed = null,
            };
            return DraftChange.To(document with { Rules = rules });
        }, "RulebookRuleEdited", command.RuleId, cancellationToken);
}
