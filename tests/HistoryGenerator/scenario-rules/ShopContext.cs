// The "rules" scenario's DbContext. The provider is chosen by the symbol that the
// project template defines: PROVIDER_SQLITE, PROVIDER_SQLSERVER or PROVIDER_NPGSQL.
// No database is contacted: "dotnet ef migrations add" only needs the model.
using Microsoft.EntityFrameworkCore;

namespace Fixtures
{
    public class ShopContext : DbContext
    {
        public DbSet<Product> Products => Set<Product>();

        public DbSet<Category> Categories => Set<Category>();

#if !STEP4
        public DbSet<Coupon> Coupons => Set<Coupon>();
#endif

        public DbSet<Order> Orders => Set<Order>();

        public DbSet<Supplier> Suppliers => Set<Supplier>();

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
            modelBuilder.Entity<Product>(product =>
            {
#if STEP5
                product.Property(p => p.Name).HasMaxLength(50);
#else
                product.Property(p => p.Name).HasMaxLength(200);
#endif
#if STEP8
                product.Property(p => p.Description).HasMaxLength(500);
#else
                product.Property(p => p.Description).HasMaxLength(100);
#endif
                product.Property(p => p.Price).HasPrecision(18, 2);
            });

#if STEP3
            modelBuilder.Entity<Category>().ToTable("ProductCategories");
#endif
        }
    }
}
