// Runtime: Node (preloaded into the LRS's process with --import). Learning Locker's xapi-statements
// listens on every interface and logs the port it was given; this binds it to loopback only and, once
// it listens, prints the port it really has (the one the system chose for port 0) on a line of its own.
import http from 'node:http';

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function listenOnLoopback(...args) {
  // Express calls listen(port, callback): put the loopback address between them.
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') process.stdout.write(`\nATTACHE_LRS_PORT=${address.port}\n`);
  });
  return listen.apply(this, args);
};
