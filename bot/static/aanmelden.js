// The /aanmelden page: fetch a short-lived Direct Line token from retbot, then start Web Chat.
(function () {
  'use strict';
  var main = document.getElementById('webchat');
  if (!main || !window.WebChat) { return; }

  function failed() {
    var p = document.createElement('p');
    p.className = 'notice';
    p.setAttribute('role', 'alert');
    p.textContent = main.getAttribute('data-failed');
    main.replaceChildren(p);
  }

  fetch(main.getAttribute('data-token-url'), { cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (answer) {
      // Say hello as soon as the connection stands, so the bot greets first.
      var store = window.WebChat.createStore({}, function (api) {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: {} } });
            }
            return next(action);
          };
        };
      });
      window.WebChat.renderWebChat({
        directLine: window.WebChat.createDirectLine({ token: answer.token, domain: answer.domain }),
        store: store,
        userID: answer.userId,
        locale: 'nl-NL',
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: 'Typ je bericht' },
        styleOptions: { hideUploadButton: true, bubbleBorderRadius: 8, bubbleFromUserBorderRadius: 8 }
      }, main);
    })
    .catch(failed);
}());
