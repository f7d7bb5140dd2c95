package tianping.law;

import java.math.BigDecimal;

/**
 * The reference oxygen content (基准氧含量) a standard converts measured flue-gas concentrations to, for one
 * type of source (reference-oxygen.csv): ρ = ρ' × (21 − O₂基准) / (21 − O₂实测).
 */
public record ReferenceOxygen(String sourceType, BigDecimal percent, String standard, Validity validity, String source) {
}
