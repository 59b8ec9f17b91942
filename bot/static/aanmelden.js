// The /aanmelden page: fetch a short-lived Direct Line token from retbot, then start Web Chat.
(function () {
  'use strict';
  var main = document.getElementById('webchat');
  if (!main || !window.WebChat) { return; }

  // retbot's own explanation (too many conversations, not set up) when it gave one.
  function failed(reason) {
    var p = document.createElement('p');
    p.className = 'notice';
    p.setAttribute('role', 'alert');
    p.textContent = typeof reason === 'string' && reason ? reason : main.getAttribute('data-failed');
    main.replaceChildren(p);
  }

  function refused(response) {
    return response.json().then(
      function (answer) { return Promise.reject(answer && answer.error); },
      function () { return Promise.reject(response.status); }
    );
  }

  fetch(main.getAttribute('data-token-url'), { cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : refused(response); })
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
