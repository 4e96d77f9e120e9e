using System.Globalization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Domain.Appeals;
using SkoleskyssSak.Domain.Assessments;
using SkoleskyssSak.Domain.Auditing;
using SkoleskyssSak.Domain.Cases;
using SkoleskyssSak.Domain.Decisions;
using SkoleskyssSak.Domain.Documents;
using SkoleskyssSak.Domain.Referrals;
using SkoleskyssSak.Infrastructure.Cases;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Domain.Rules;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Infrastructure.Notifications;
using SkoleskyssSak.Infrastructure.Persistence.Configurations;

namespace SkoleskyssSak.Infrastructure.Persistence;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IApplicationDbContext, IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<School> Schools => Set<School>();

    public DbSet<AppealBody> AppealBodies => Set<AppealBody>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<RulebookVersion> RulebookVersions => Set<RulebookVersion>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<SchoolTransportCase> Cases => Set<SchoolTransportCase>();

    public DbSet<CaseNumberSequence> CaseNumberSequences => Set<CaseNumberSequence>();

    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();

    public DbSet<CaseApplication> Applications => Set<CaseApplication>();

    public DbSet<CaseParty> CaseParties => Set<CaseParty>();

    public DbSet<CaseDocument> Documents => Set<CaseDocument>();

    public DbSet<CaseDocumentContent> DocumentContents => Set<CaseDocumentContent>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<AppealForwarding> AppealForwardings => Set<AppealForwarding>();

    public DbSet<CaseAssessment> CaseAssessments => Set<CaseAssessment>();

    public DbSet<LetterTemplateText> LetterTemplateTexts => Set<LetterTemplateText>();

    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();

    public DbSet<HomeDistance> HomeDistances => Set<HomeDistance>();

    public DbSet<CountyTransportUnit> CountyTransportUnits => Set<CountyTransportUnit>();

    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            // Every attempt starts from a clean unit of work, the first too: what the request tracked before (a page
            // that saved a step first, with values that may be stale by now, or a save refused as a conflict) is not
            // carried into the transaction (issue 10: racing submissions).
            ChangeTracker.Clear();

            await using var transaction = await Database.BeginTransactionAsync(ct);
            var result = await work(ct);
            await transaction.CommitAsync(ct);
            return result;
        }, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Identity's principal tables get their names first. EFCore.NamingConventions names a foreign key after the
        // principal's table as it is when the key is added or when the dependent's table is renamed; applied in
        // assembly order, the keys to staff_users/staff_roles would keep Identity's AspNetUsers/AspNetRoles
        // (fk_cases_asp_net_users_assigned_to instead of the migrations' fk_cases_staff_users_assigned_to).
        builder.ApplyConfiguration(new StaffUserConfiguration());
        builder.ApplyConfiguration(new StaffRoleConfiguration());
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        // snake_case tables, columns, keys, foreign keys and indexes (EFCore.NamingConventions), whoever builds the
        // options (the app, the tests, a tool). Names set explicitly in the configurations (ToTable, HasColumnName,
        // HasDatabaseName) are taken as written, so they are written in snake_case there. Invariant culture: the
        // names must not depend on the server's locale.
        optionsBuilder.UseSnakeCaseNamingConvention(CultureInfo.InvariantCulture);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC timestamptz (Npgsql refuses non-UTC DateTimeOffset values).
        configurationBuilder.Properties<DateTimeOffset>().HaveColumnType("timestamp with time zone");
    }
}
