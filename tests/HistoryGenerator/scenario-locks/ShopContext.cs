// The "locks" scenario's DbContext. The provider is chosen by the symbol that the
// project template defines: PROVIDER_SQLITE, PROVIDER_SQLSERVER or PROVIDER_NPGSQL.
// No database is contacted: "dotnet ef migrations add" only needs the model.
using Microsoft.EntityFrameworkCore;

namespace Fixtures
{
    public class ShopContext : DbContext
    {
        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();
#if STEP9

        public DbSet<Store> Stores => Set<Store>();
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

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Customer>(customer =>
            {
#if STEP6
                customer.Property(c => c.Name).HasMaxLength(200);
#else
                customer.Property(c => c.Name).HasMaxLength(100);
#endif
#if STEP2
                customer.HasIndex(c => c.Name);
#endif
#if STEP3
                // PostgreSQL builds it with CREATE INDEX CONCURRENTLY; the other
                // providers have no such option and build a plain index.
#if PROVIDER_NPGSQL
                customer.HasIndex(c => c.Region).IsCreatedConcurrently();
#else
                customer.HasIndex(c => c.Region);
#endif
#endif
#if STEP8
#if PROVIDER_NPGSQL
                customer.HasIndex(c => c.Tier).IsCreatedConcurrently();
#else
                customer.HasIndex(c => c.Tier);
#endif
#endif
#if STEP10
                // A check every row passes (ids are generated positive), so only
                // the validation scan matters, not the values either version writes.
#if PROVIDER_SQLSERVER
                customer.ToTable(t => t.HasCheckConstraint("CK_Customers_Id", "[Id] > 0"));
#else
                customer.ToTable(t => t.HasCheckConstraint("CK_Customers_Id", "\"Id\" > 0"));
#endif
#endif
            });

#if STEP4
            // A volatile default (one value per row: PostgreSQL rewrites the table)
            // and a stable one (one value for the statement: no rewrite). SQLite
            // adds a column only with a constant default.
            modelBuilder.Entity<Order>(order =>
            {
#if PROVIDER_NPGSQL
                order.Property(o => o.Reference).HasDefaultValueSql("gen_random_uuid()");
                order.Property(o => o.PlacedAt).HasDefaultValueSql("now()");
#elif PROVIDER_SQLSERVER
                order.Property(o => o.Reference).HasDefaultValueSql("newid()");
                order.Property(o => o.PlacedAt).HasDefaultValueSql("sysutcdatetime()");
#else
                order.Property(o => o.Reference).HasDefaultValueSql("'00000000-0000-0000-0000-000000000000'");
                order.Property(o => o.PlacedAt).HasDefaultValueSql("'2000-01-01 00:00:00'");
#endif
            });
#endif
        }
    }
}
