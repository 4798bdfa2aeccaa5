// The "merge" scenario's DbContext. The provider is chosen by the symbol that the
// project template defines: PROVIDER_SQLITE, PROVIDER_SQLSERVER or PROVIDER_NPGSQL.
// No database is contacted: "dotnet ef migrations add" only needs the model.
using Microsoft.EntityFrameworkCore;

namespace Fixtures
{
    public class ShopContext : DbContext
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

#if (STEP2 && !STEP3) || MERGED || STEP5
        public DbSet<Tag> Tags => Set<Tag>();
#endif

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
#if PROVIDER_SQLITE
            optionsBuilder.UseSqlite("Data Source=shop.db");
#elif PROVIDER_SQLSERVER
            optionsBuilder.UseSqlServer("Server=.;Database=Shop;Trusted_Connection=True");
#elif PROVIDER_NPGSQL
            optionsBuilder.UseNpgsql("Host=localhost;Database=shop;Username=shop;Password=shop");
#else
#error The project template must define PROVIDER_SQLITE, PROVIDER_SQLSERVER or PROVIDER_NPGSQL.
#endif
        }
    }
}
