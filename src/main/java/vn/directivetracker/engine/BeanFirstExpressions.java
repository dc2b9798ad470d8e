package vn.directivetracker.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Camunda's expressions look a name up among the process variables before the Spring beans, so a variable
 * called {@code returnReport} would stand in for the bean {@code ${returnReport}} of a delegate expression and
 * break that step for everybody. Here the beans the models name ({@code @Component("name")} of our own
 * classes: delegates, listeners, {@code directiveTasks}) are resolved first; every other name resolves as
 * before (variables, then beans).
 */
@Component
class BeanFirstExpressions extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;
  private volatile Set<String> names;

  BeanFirstExpressions(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new SpringExpressionManager(applicationContext, configuration.getBeans()) {
      @Override
      protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new BeanFirst());
        resolver.add(super.createElResolver());
        return resolver;
      }
    });
  }

  /** The names of the beans our models call by name: explicitly named components of this application. */
  Set<String> names() {
    Set<String> known = names;
    if (known == null) {
      Set<String> found = new TreeSet<>();
      for (String name : applicationContext.getBeanDefinitionNames()) {
        Class<?> type = applicationContext.getType(name, false);
        if (type == null) {
          continue;
        }
        Class<?> user = ClassUtils.getUserClass(type);
        Component component = user.getAnnotation(Component.class);
        if (user.getName().startsWith("vn.directivetracker.") && component != null && name.equals(component.value())) {
          found.add(name);
        }
      }
      known = Set.copyOf(found);
      names = known;
    }
    return known;
  }

  private boolean ours(Object base, Object property) {
    return base == null && property instanceof String name && names().contains(name);
  }

  private class BeanFirst extends ELResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (ours(base, property)) {
        context.setPropertyResolved(true);
        return applicationContext.getBean((String) property);
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      if (ours(base, property)) {
        context.setPropertyResolved(true);
        return applicationContext.getType((String) property);
      }
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (ours(base, property)) {
        throw new PropertyNotWritableException("the bean " + property + " cannot be assigned in an expression");
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      if (ours(base, property)) {
        context.setPropertyResolved(true);
        return true;
      }
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return base == null ? Object.class : null;
    }
  }
}
