using FluentValidation;
using SkoleskyssSak.Application.Abstractions;

namespace SkoleskyssSak.Application.Features.Rulebooks;

/// <summary>Changes a pre-assessed segment of a draft: the verdict per grade band and the assessment text.</summary>
public sealed record EditSegmentCommand(
    string MunicipalityNumber,
    int Version,
    string SegmentId,
    IReadOnlyDictionary<string, string?> Outcomes,
    string? Assessment);

public sealed class EditSegmentValidator : AbstractValidator<EditSegmentCommand>
{
    public EditSegmentValidator()
    {
        RuleFor(c => c.Assessment).NotEmpty().WithMessage(_ => AdminTexts.Get("SegmentAssessmentRequired"))
            .MaximumLength(RuleLimits.TextLength).WithMessage(_ => AdminTexts.Format("TooLong", RuleLimits.TextLength));
    }
}

public sealed class EditSegmentHandler(IApplicationDbContext db, IAuditTrail audit, IValidator<EditSegmentCommand> validator)
{
    public async Task<RulebookCommandResult> HandleAsync(EditSegmentCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var validation = await validator.ValidateAsync(command, cancellationToken);
        var errors = validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return await RulebookAdmin.ChangeDraftAsync(db, audit, command.MunicipalityNumber, command.Version, document =>
        {
            var index = document.DefinedSegments.ToList().FindIndex(s => s.Id == command.SegmentId);
            if (index < 0)
            {
                return DraftChange.Fail(new RulebookCommandResult.NotFound());
            }

            var outcomes = RulebookAdmin.ParseOutcomes(command.Outcomes, document.GradeBands, errors);
            if (errors.Count > 0)
            {
                return DraftChange.Invalid(errors);
            }

            var segments = document.DefinedSegments.ToList();
            segments[index] = segments[index] with { Outcomes = outcomes, Assessment = command.Assessment!.Trim() };
            return DraftChange.To(document with { DefinedSegments = segments });
        }, "RulebookSegmentEdited", command.SegmentId, cancellationToken);
    }
}
