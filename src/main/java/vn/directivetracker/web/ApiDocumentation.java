package vn.directivetracker.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of /api (springdoc reads the controllers and their {@code @Operation}s): served at
 * {@code /api/openapi.json}, with the Swagger UI at {@code /api/docs}. Both sit under /api, behind its login,
 * because the description tells who may do what: it is for the people and systems that use the API.
 */
@Configuration
class ApiDocumentation {

  static final String BASIC = "basic";

  @Bean
  OpenAPI directiveTrackerApi() {
    return new OpenAPI()
        .info(new Info().title("Directive Tracker API").version("1")
            .description("Directives of a working group as tracked tasks: issue them, read their state, change and"
                + " withdraw tasks, audit trails and monthly reports. Dates are ISO (yyyy-MM-dd, instants with their"
                + " offset). Refusals are application/problem+json: `detail` says it in Vietnamese first and English"
                + " below, `errors` names each offending field. The units' own work (reports, reviews) goes"
                + " through Camunda's Tasklist and its engine REST API at /engine-rest."))
        .components(new Components().addSecuritySchemes(BASIC,
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC));
  }
}
