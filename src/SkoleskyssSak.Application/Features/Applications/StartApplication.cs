using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.People;

namespace SkoleskyssSak.Application.Features.Applications;

/// <summary>
/// The signed-in guardian starts a søknad in a municipality: a draft case with an empty form in which the applicant is
/// the first guardian, and the applicant as a party (so the draft shows in "Mine saker").
/// </summary>
/// <param name="ApplicantPseudonym">The citizen's pseudonymous id (ADR 0004), never a fødselsnummer.</param>
/// <param name="ApplicantNationalIdentityNumber">The fødselsnummer from the sign-in; kept in the form only.</param>
public sealed record StartApplicationCommand(string MunicipalityNumber, string ApplicantPseudonym, string? ApplicantNationalIdentityNumber, string ApplicantName)
    : ICommand<CommandResult<ApplicationStarted>>;

/// <summary>The new draft.</summary>
public sealed record ApplicationStarted(Guid CaseId);

/// <summary>A valid pseudonym, and a municipality (four digits) that uses the service.</summary>
public sealed class StartApplicationValidator : AbstractValidator<StartApplicationCommand>
{
    public StartApplicationValidator(IApplicationDbContext db)
    {
        RuleFor(c => c.ApplicantPseudonym).Must(CaseAccess.IsValidPseudonym).WithMessage(_ => CaseTexts.Get("ApplicantInvalid"));
        RuleFor(c => c.MunicipalityNumber)
            .MustAsync(async (number, ct) => Trimmed(number) is { Length: 4 } trimmed && trimmed.All(char.IsAsciiDigit)
                && await db.Municipalities.AnyAsync(m => m.Number == trimmed, ct))
            .When(c => CaseAccess.IsValidPseudonym(c.ApplicantPseudonym))
            .WithMessage(_ => CaseTexts.Get("MunicipalityUnknown"));
    }

    internal static string Trimmed(string? municipalityNumber) => municipalityNumber?.Trim() ?? string.Empty;
}

public sealed class StartApplicationHandler(IApplicationDbContext db, IAuditTrail audit, TimeProvider clock)
    : ICommandHandler<StartApplicationCommand, CommandResult<ApplicationStarted>>
{
    public async ValueTask<CommandResult<ApplicationStarted>> Handle(StartApplicationCommand command, CancellationToken cancellationToken)
    {
        var nin = NationalIdentityNumber.TryParse(command.ApplicantNationalIdentityNumber, out var parsed) ? parsed!.Value : null;
        var form = ApplicationForm.Empty with { Guardians = [new ApplicationGuardian(ApplicationDrafts.ApplicantName(command.ApplicantName), null, null, nin, IsApplicant: true)] };
        var draftId = ApplicationDrafts.Add(db, StartApplicationValidator.Trimmed(command.MunicipalityNumber), command.ApplicantPseudonym, form, clock.GetUtcNow());
        audit.Record("ApplicationStarted", CaseAccess.AuditObjectType, draftId.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return new ApplicationStarted(draftId);
    }
}
