package io.switchboard.core.role;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnRoleCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Role role = (Role) metadata.getAnnotationAttributes(ConditionalOnRole.class.getName()).get("value");
		Roles roles = Roles.from(context.getEnvironment());
		return roles.has(role) ? ConditionOutcome.match("role " + role.key() + " is in " + roles)
				: ConditionOutcome.noMatch("role " + role.key() + " is not in " + roles);
	}

}
