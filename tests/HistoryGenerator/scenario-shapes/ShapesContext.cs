// The "shapes" scenario's DbContext. The provider is chosen by the symbol that the
// project template defines: PROVIDER_SQLITE, PROVIDER_SQLSERVER or PROVIDER_NPGSQL.
// No database is contacted: "dotnet ef migrations add" only needs the model.
using Microsoft.EntityFrameworkCore;

namespace Fixtures
{
    public class ShapesContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
#if PROVIDER_SQLITE
            optionsBuilder.UseSqlite("Data Source=shapes.db");
#elif PROVIDER_SQLSERVER
            optionsBuilder.UseSqlServer("Server=.;Database=Shapes;Trusted_Connection=True");
#elif PROVIDER_NPGSQL
            optionsBuilder.UseNpgsql("Host=localhost;Database=shapes;Username=shapes;Password=shapes");
#else
#error The project template must define PROVIDER_SQLITE, PROVIDER_SQLSERVER or PROVIDER_NPGSQL.
#endif
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("shop");

            modelBuilder.Entity<Customer>(customer =>
            {
#if !STEP8
                customer.Property(c => c.DisplayName).HasColumnName("Display Name");
#endif
                customer.OwnsOne(c => c.Home, home => home.OwnsOne(h => h.Location));
                customer.OwnsOne(c => c.Billing, billing => billing.ToTable("BillingAddresses"));
#if !STEP6
                customer.OwnsOne(c => c.Preferences, preferences =>
                {
                    preferences.ToJson("prefs");
                    preferences.OwnsOne(p => p.Notifications);
                });
#endif
            });

            modelBuilder.Entity<Order>().OwnsMany(o => o.Lines);

            modelBuilder.Entity<Vehicle>().UseTptMappingStrategy();
            modelBuilder.Entity<Car>().ToTable("Cars", t => t.Property(c => c.Id).HasColumnName("CarId"));
            modelBuilder.Entity<Truck>().ToTable("Trucks");

            modelBuilder.Entity<Payment>().UseTpcMappingStrategy();
            modelBuilder.Entity<CardPayment>().ToTable("CardPayments", t => t.Property(p => p.Amount).HasColumnName("CardAmount"));
            modelBuilder.Entity<CashPayment>().ToTable("CashPayments");

            modelBuilder.Entity<Product>(product =>
            {
                product.ToTable("Products");
                product.SplitToTable("ProductDetails", t =>
                {
#if !STEP3
                    t.Property(p => p.Description);
#endif
#if !STEP8
                    t.Property(p => p.Weight).HasColumnName("WeightKg");
#endif
                    t.Property(p => p.Price);
                });
            });

            modelBuilder.Entity<Supplier>(supplier =>
            {
                supplier.ComplexProperty(s => s.Address, address => address.ComplexProperty(a => a.Geo));
#if EF10
#if !STEP9
                supplier.ComplexCollection(s => s.Contacts, contacts => contacts.ToJson());
#endif
                supplier.ComplexProperty(s => s.Profile, profile => profile.ToJson());
#endif
            });

            modelBuilder.Entity<CustomerSummary>().HasNoKey().ToView("CustomerSummaries");

            modelBuilder.Entity<LegacyUser>().ToTable("LegacyUsers", t => t.ExcludeFromMigrations());

            modelBuilder.Entity<Invoice>().ToTable("Invoices", "billing");
#if STEP2
            modelBuilder.Entity<Invoice>().ToTable("Invoices", "archive");
#endif
        }
    }
}
