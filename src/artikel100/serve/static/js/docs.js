window.addEventListener("DOMContentLoaded", function () {
  // The OpenAPI UI, from the vendored swagger-ui-dist: no network, no inline script.
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, validatorUrl: null,
    tryItOutEnabled: true, supportedSubmitMethods: ["get", "post"] });
});
