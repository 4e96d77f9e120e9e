using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkoleskyssSak.Application.Abstractions;
using SkoleskyssSak.Infrastructure.Auditing;
using SkoleskyssSak.Infrastructure.Cases;
using SkoleskyssSak.Infrastructure.Documents;
using SkoleskyssSak.Infrastructure.Identity;
using SkoleskyssSak.Infrastructure.InterimReplies;
using SkoleskyssSak.Infrastructure.Notifications;
using SkoleskyssSak.Infrastructure.Persistence;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Database";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not configured. Set it (environment variable ConnectionStrings__{ConnectionStringName}) " +
                "to the PostgreSQL database of SkoleskyssSak. Only in Development does the app provision a local database by itself.");
        }

        services.AddDbContext<AppDbContext>(options => options.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsHistoryTable("__ef_migrations_history");
            npgsql.EnableRetryOnFailure(3);
        }));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddScoped<ICaseNumberAllocator, CaseNumberAllocator>();
        services.AddScoped<IStaffDirectory, StaffDirectory>();
        services.Configure<CitizenPseudonymOptions>(configuration.GetSection(CitizenPseudonymOptions.Section));
        services.AddSingleton<ICitizenPseudonyms, CitizenPseudonym>();
        services.AddScoped<SignInSessionStore>();
        services.AddScoped<SignInThrottling>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<RulebookSeeder>();

        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Key ring in PostgreSQL so that several web nodes share it (DESIGN.md §6). With a certificate configured
        // the keys are encrypted at rest, so a database backup alone cannot forge cookies (docs/operations.md).
        var dataProtection = services.AddDataProtection().SetApplicationName("SkoleskyssSak");
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        // Microsoft.AspNetCore.DataProtection.EntityFrameworkCore: one row per key in data_protection_keys
        // (AppDbContext.DataProtectionKeys), the table and rows the former DbXmlRepository wrote (issue 13).
        dataProtection.PersistKeysToDbContext<AppDbContext>();

        var email = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>() ?? new OutboxOptions();
        if (string.IsNullOrWhiteSpace(email.SmtpHost) && string.IsNullOrWhiteSpace(email.PickupDirectory))
        {
            throw new InvalidOperationException(
                "Email:SmtpHost is not configured (environment variable Email__SmtpHost). Notifications to guardians are sent by SMTP; " +
                "in Development they are written to Email:PickupDirectory instead.");
        }

        if (email.SmtpStartTls is not null)
        {
            throw new InvalidOperationException(
                "Email:SmtpStartTls is replaced by Email:SmtpSecurity (None, StartTls or SslOnConnect; default StartTls). Remove Email:SmtpStartTls.");
        }

        if (email.SmtpAllowUntrustedCertificate && string.Equals(configuration[Microsoft.Extensions.Hosting.HostDefaults.EnvironmentKey], "Production", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("Email:SmtpAllowUntrustedCertificate is refused in Production: the mail server's certificate is always fully checked there.");
        }

        if (email.SmtpTimeoutSeconds < 1 || email.ClaimSeconds < 4 * email.SmtpTimeoutSeconds)
        {
            // The dispatcher stops sending 2 × SmtpTimeoutSeconds before its claim runs out; a shorter claim would send nothing.
            throw new InvalidOperationException(
                "Email:ClaimSeconds must be at least 4 × Email:SmtpTimeoutSeconds, and Email:SmtpTimeoutSeconds at least 1 " +
                $"(now {email.ClaimSeconds} and {email.SmtpTimeoutSeconds}).");
        }

        if (string.IsNullOrWhiteSpace(email.ServiceUrl))
        {
            if (!string.IsNullOrWhiteSpace(email.SmtpHost))
            {
                throw new InvalidOperationException(
                    "Email:ServiceUrl is not configured (environment variable Email__ServiceUrl): the public address of the service, used in links in e-mails.");
            }

            email.ServiceUrl = OutboxOptions.DevelopmentServiceUrl;
        }

        if (!Uri.TryCreate(email.ServiceUrl, UriKind.Absolute, out var serviceUrl) || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException("Email:ServiceUrl must be an absolute http(s) address, e.g. https://skoleskyss.kommune.no.");
        }

        services.Configure<OutboxOptions>(configuration.GetSection(OutboxOptions.Section));
        services.PostConfigure<OutboxOptions>(o => o.ServiceUrl = email.ServiceUrl);
        services.AddSingleton<IServiceLinks, ServiceLinks>();
        services.AddScoped<INotificationOutbox, NotificationOutbox>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());

        // Interim replies (fvl. § 11 a); the letter renderer comes from the host (the web registers it).
        services.Configure<InterimReplyOptions>(configuration.GetSection(InterimReplyOptions.Section));
        services.AddSingleton<InterimReplyJob>();
        services.AddHostedService(sp => sp.GetRequiredService<InterimReplyJob>());

        services.Configure<PdfOptions>(configuration.GetSection(PdfOptions.Section));
        services.AddSingleton<ChromiumPdfRenderer>();
        services.AddSingleton<IPdfRenderer>(sp => sp.GetRequiredService<ChromiumPdfRenderer>());
        services.AddSingleton<IPdfBundler, QpdfBundler>();
        return services;
    }
}
