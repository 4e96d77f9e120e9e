using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using SkoleskyssSak.Infrastructure.Seeding;

namespace SkoleskyssSak.Web.Hosting;

/// <summary>In Development: where the app listens and how to sign in with the demo users.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var data = DemoData.Instance;
        var lines = new List<string>
        {
            string.Empty,
            "SkoleskyssSak kjører / køyrer på: " + string.Join(", ", addresses),
            string.Empty,
            "Demo-innlogging for ansatte (/innlogging/ansatt), passord: " + DemoDataSeeder.DemoPassword,
        };
        lines.AddRange(data.Staff.Select(s => $"  {s.Role,-18} {s.Email}"));
        lines.Add("Foresatte logger inn med TestID (/innlogging/foresatt) og velger en syntetisk testperson:");
        lines.AddRange(data.TestIdPersons.Select(p => $"  {p.Name} – {p.Note}"));
        lines.Add(string.Empty);
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
