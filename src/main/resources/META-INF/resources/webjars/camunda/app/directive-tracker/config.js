// Directive Tracker: the settings every webapp's scripts/config.js shares.
export default {
  // No request for Camunda's first-visit notice, which this application does not serve (it answered 404 on
  // every page load).
  disableWelcomeMessage: true,
  // Dates day first, as Vietnam writes them, whatever the browser's locale (moment formats).
  dateFormat: {
    abbr: 'DD/MM/YYYY HH:mm',
    normal: 'DD/MM/YYYY HH:mm',
    long: 'DD/MM/YYYY HH:mm:ss',
    short: 'DD/MM/YYYY'
  }
};
