using SkoleskyssSak.Application.Features.Municipalities;
using SkoleskyssSak.Domain.Municipalities;
using SkoleskyssSak.Testing;

namespace SkoleskyssSak.Application.Tests.Features.Municipalities;

public sealed class ListMunicipalitiesTests
{
    [Fact]
    public async Task Municipalities_are_listed_by_name_with_their_language_form()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync(nameof(ListMunicipalitiesTests));
        await using (var seed = PostgresServer.Context(connectionString))
        {
            seed.Municipalities.AddRange(
                new Municipality("5028", "Melhus", "Trøndelag", LanguageForm.Bokmal, "Melhus kommune"),
                new Municipality("4647", "Sunnfjord", "Vestland", LanguageForm.Nynorsk, "Sunnfjord kommune"),
                new Municipality("1833", "Rana", "Nordland", LanguageForm.Bokmal, "Rana kommune"));
            await seed.SaveChangesAsync();
        }

        await using var db = PostgresServer.Context(connectionString);
        var result = await new ListMunicipalitiesHandler(db).Handle(new ListMunicipalitiesQuery(), CancellationToken.None);

        Assert.Equal(["Melhus", "Rana", "Sunnfjord"], result.Select(m => m.Name));
        Assert.Equal(LanguageForm.Nynorsk, result.Single(m => m.Number == "4647").LanguageForm);
    }
}
