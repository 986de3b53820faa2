import { IDE_TABS } from "./ide-tabs";

/**
 * Mounts GraphiQL against this gateway. Kept out of the HTML so the page runs under a CSP that
 * allows only the gateway's own scripts. Subscriptions go over graphql-ws on the same path.
 */
export const IDE_SCRIPT = `(function () {
  var url = new URL(window.location.pathname, window.location.href);
  var wsUrl = new URL(url);
  wsUrl.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  var fetcher = GraphiQL.createFetcher({ url: url.toString(), subscriptionUrl: wsUrl.toString() });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: "variables",
      defaultTabs: ${JSON.stringify(IDE_TABS)},
      shouldPersistHeaders: false,
    }),
  );
})();
`;
