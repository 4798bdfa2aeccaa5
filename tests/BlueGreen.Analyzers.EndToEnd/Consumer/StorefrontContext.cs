using Microsoft.EntityFrameworkCore;

namespace Storefront
{
    public class StorefrontContext : DbContext
    {
        public DbSet<Product> Products => Set<Product>();

        public DbSet<Customer> Customers => Set<Customer>();

        public DbSet<Order> Orders => Set<Order>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        {
            optionsBuilder.UseSqlite("Data Source=storefront.db");
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Product>(product =>
            {
                product.Property(p => p.Name).IsRequired().HasMaxLength(200);
            });

            modelBuilder.Entity<Customer>(customer =>
            {
                customer.Property(c => c.Name).IsRequired().HasMaxLength(200);
                customer.Property(c => c.Email).IsRequired().HasMaxLength(320);
                customer.HasIndex(c => c.Email).IsUnique();
            });

            modelBuilder.Entity<Order>(order =>
            {
                order.HasOne(o => o.Customer).WithMany(c => c.Orders).HasForeignKey(o => o.CustomerId);
                order.HasOne(o => o.Product).WithMany().HasForeignKey(o => o.ProductId);
            });
        }
    }
}
