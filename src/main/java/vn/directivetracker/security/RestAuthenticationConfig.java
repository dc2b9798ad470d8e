package vn.directivetracker.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST starter serves /engine-rest without any authentication. Like Camunda Run, we put Camunda's
 * own HTTP basic filter in front of it, and in front of our /api too: the filter checks the password
 * against the engine's identity service and sets the caller as the engine's authenticated user, so
 * engine queries made for the request see only what the caller is authorised to see.
 */
@Configuration
class RestAuthenticationConfig {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("directive-tracker-basic-auth");
    registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "");
    registration.setOrder(1);
    return registration;
  }
}
