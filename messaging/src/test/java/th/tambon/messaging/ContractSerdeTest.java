package th.tambon.messaging;

import io.micronaut.core.beans.BeanIntrospector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import th.tambon.contracts.EventType;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSerdeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void every_contract_type_is_introspected_for_serde(EventType type) {
        assertThat(BeanIntrospector.SHARED.findIntrospection(type.dataClass()))
                .as(type.dataClass().getSimpleName() + " must be listed in ContractSerde").isPresent();
    }
}
