using FluentValidation;
using Mediator;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Changes a pre-assessed segment of a draft: the verdict per grade band and the assessment text.</summary>
public sealed record EditSegmentCommand(
    string MunicipalityNumber,
    int Version,
    string SegmentId,
    IReadOnlyDictionary<string, string?> Outcomes,
    string? Assessment) : ICommand<CommandResult>;

/// <summary>
/// Checks the segment's input against the draft (its grade bands); a missing version, one that is no draft, or a
/// missing segment is not checked: the handler answers NotFound or Refused.
/// </summary>
public sealed class EditSegmentValidator : AbstractValidator<EditSegmentCommand>
{
    public EditSegmentValidator(IApplicationDbContext db)
    {
        WhenAsync(
            async (c, context, ct) => await RulebookDrafts.IsDraftAsync(db, c.MunicipalityNumber, c.Version, context, ct)
                && RulebookDrafts.Draft(context).DefinedSegments.Any(s => s.Id == c.SegmentId),
            () =>
            {
                RuleFor(c => c.Assessment).NotEmpty().WithMessage(_ => AdminTexts.Get("SegmentAssessmentRequired"))
                    .MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
                RuleFor(c => c).Custom((c, context) =>
                {
                    var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                    RulebookOutcomes.Parse(c.Outcomes, RulebookDrafts.Draft(context).GradeBands, errors);
                    RulebookDrafts.AddFailures(context, errors);
                });
            });
    }
}

public sealed class EditSegmentHandler(IApplicationDbContext db, IAuditTrail audit) : ICommandHandler<EditSegmentCommand, CommandResult>
{
    public async ValueTask<CommandResult> Handle(EditSegmentCommand command, CancellationToken cancellationToken) =>
        await RulebookDrafts.ChangeAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
        {
            var index = document.DefinedSegments.ToList().FindIndex(s => s.Id == command.SegmentId);
            if (index < 0)
            {
                return DraftChange.Fail(new Failure.NotFound());
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            var outcomes = RulebookOutcomes.Parse(command.Outcomes, document.GradeBands, errors);
            if (errors.Count > 0)
            {
                return DraftChange.Invalid(errors);
            }

            var segments = document.DefinedSegments.ToList();
            segments[index] = segments[index] with { Outcomes = outcomes, Assessment = command.Assessment!.Trim() };
            return DraftChange.To(document with { DefinedSegments = segments });
        }, "RulebookSegmentEdited", command.SegmentId, cancellationToken);
}
